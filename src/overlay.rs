//! How a user store is laid over the built-in one: both merged in slug
//! order, a user entry replacing the built-in entry of its slug. A merge is
//! written as steps, one byte a position, so that the cache of a user
//! glossary keeps it and a later run replays it without comparing slugs.

use crate::store::{Store, count};

/// The marker of a built-in entry a user entry replaces.
pub const HIDDEN: u32 = u32::MAX;

/// A step to the next built-in entry.
const BASE: u8 = b'b';
/// A step to the next user entry.
const USER: u8 = b'u';
/// A step to the next user entry, which replaces the next built-in one.
const REPLACES: u8 = b'r';

/// Both stores' entries in slug order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// Each position's store (0 built-in, 1 the user's) and index there.
    pub order: Vec<(u32, u32)>,
    /// Per store, each entry's position, or [`HIDDEN`].
    pub positions: Vec<Vec<u32>>,
}

/// The steps that merge `user` into `base`, both in slug order.
pub fn steps(base: &Store, user: &Store) -> Vec<u8> {
    let (b, u) = (base.len(), user.len());
    let mut out = Vec::with_capacity(b + u);
    let (mut i, mut j) = (0, 0);
    while i < b || j < u {
        if j < u && (i == b || user.slug(j) <= base.slug(i)) {
            if i < b && user.slug(j) == base.slug(i) {
                out.push(REPLACES);
                i += 1;
            } else {
                out.push(USER);
            }
            j += 1;
        } else {
            out.push(BASE);
            i += 1;
        }
    }
    out
}

impl Layout {
    /// The layout that `steps` give a built-in store of `b` entries and a
    /// user store of `u`; `None` unless they take every entry once.
    pub fn replay(b: usize, u: usize, steps: &[u8]) -> Option<Layout> {
        let mut positions = vec![vec![0; b], vec![0; u]];
        let mut order = Vec::with_capacity(steps.len());
        let (mut i, mut j) = (0, 0);
        for &step in steps {
            let position = count(order.len());
            if step == BASE {
                *positions[0].get_mut(i)? = position;
                order.push((0, count(i)));
                i += 1;
                continue;
            }
            match step {
                REPLACES => {
                    *positions[0].get_mut(i)? = HIDDEN;
                    i += 1;
                }
                USER => {}
                _ => return None,
            }
            *positions[1].get_mut(j)? = position;
            order.push((1, count(j)));
            j += 1;
        }
        (i == b && j == u).then_some(Layout { order, positions })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_replay_only_onto_stores_they_fit() {
        // Two built-in entries, then a user entry replacing the second and
        // one after it.
        let steps = [BASE, REPLACES, USER];
        let layout = Layout::replay(2, 2, &steps).expect("fits");
        assert_eq!(layout.order, [(0, 0), (1, 0), (1, 1)]);
        assert_eq!(layout.positions, [vec![0, HIDDEN], vec![1, 2]]);

        assert_eq!(Layout::replay(3, 2, &steps), None, "a built-in entry left");
        assert_eq!(Layout::replay(2, 1, &steps), None, "a user entry too many");
        assert_eq!(Layout::replay(2, 2, &[BASE, REPLACES, b'?']), None);
    }
}
