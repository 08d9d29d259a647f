//! dictzip: a gzip file whose deflate stream is fully flushed every
//! [`CHUNK`] bytes of input, with the compressed size of each chunk in the
//! header's `RA` extra field, so that dictd, sdcv and GoldenDict can
//! decompress any part of a dictionary without the rest. Laid out as
//! Debian's `dictzip` writes it (dictzip.c), except that the time is 0, so
//! the same text always gives the same bytes.

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

/// Input bytes per chunk: dictzip's own, chosen so that a chunk that does
/// not compress still fits the 16-bit size the header keeps for it.
pub const CHUNK: usize = (0xffff - 12) * 89 / 100;

/// The most chunks the 16-bit extra field can list.
const MAX_CHUNKS: usize = (0xffff - 10) / 2;

/// `data` as a dictzip file that names `name` as its original file.
/// `None` when `data` is larger than the format can index (about 1.9 GB).
pub fn compress(data: &[u8], name: &str) -> Option<Vec<u8>> {
    let chunks = data.len().div_ceil(CHUNK);
    if chunks > MAX_CHUNKS {
        return None;
    }
    let mut deflate = Compress::new(Compression::best(), false);
    let mut body = Vec::with_capacity(data.len() / 3);
    let mut sizes = Vec::with_capacity(chunks);
    for chunk in data.chunks(CHUNK) {
        let before = body.len();
        // A full flush ends the chunk on a byte boundary with an empty
        // dictionary, so it inflates on its own.
        run(&mut deflate, chunk, &mut body, FlushCompress::Full);
        sizes.push(u16::try_from(body.len() - before).ok()?);
    }
    run(&mut deflate, &[], &mut body, FlushCompress::Finish);

    let extra = 10 + 2 * sizes.len();
    let mut out = Vec::with_capacity(12 + extra + name.len() + 1 + body.len() + 8);
    out.extend_from_slice(&[0x1f, 0x8b, 8]); // gzip, deflate
    out.push(0x04 | 0x08); // FEXTRA and FNAME
    out.extend_from_slice(&[0, 0, 0, 0]); // no time
    out.extend_from_slice(&[2, 3]); // best compression, Unix
    out.extend_from_slice(&u16::try_from(extra).ok()?.to_le_bytes());
    out.extend_from_slice(b"RA");
    out.extend_from_slice(&u16::try_from(extra - 4).ok()?.to_le_bytes());
    out.extend_from_slice(&1_u16.to_le_bytes()); // version
    out.extend_from_slice(&u16::try_from(CHUNK).ok()?.to_le_bytes());
    out.extend_from_slice(&u16::try_from(sizes.len()).ok()?.to_le_bytes());
    for size in &sizes {
        out.extend_from_slice(&size.to_le_bytes());
    }
    out.extend(name.bytes().filter(|&b| b != 0));
    out.push(0);
    out.extend_from_slice(&body);
    let mut crc = Crc::new();
    crc.update(data);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    // gzip keeps the length modulo 2^32.
    out.extend_from_slice(&((data.len() & 0xffff_ffff) as u32).to_le_bytes());
    Some(out)
}

/// Deflates all of `input` into `out` and completes `flush`.
fn run(deflate: &mut Compress, mut input: &[u8], out: &mut Vec<u8>, flush: FlushCompress) {
    loop {
        out.reserve(input.len() + 4096);
        let before = deflate.total_in();
        let status = deflate.compress_vec(input, out, flush);
        let used = usize::try_from(deflate.total_in() - before).unwrap_or(input.len());
        input = &input[used.min(input.len())..];
        match status {
            Ok(Status::StreamEnd) => return,
            // Done when the input is in and the flush left room to spare.
            Ok(_) if input.is_empty() && out.len() < out.capacity() => return,
            Ok(_) => {}
            // Only a bug in the caller's use of the stream gets here.
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Decompress, FlushDecompress};

    /// The chunk sizes the header lists, and where the data starts.
    fn chunks_of(file: &[u8]) -> (Vec<usize>, usize) {
        assert_eq!(&file[..4], &[0x1f, 0x8b, 8, 0x0c]);
        let extra = usize::from(u16::from_le_bytes([file[10], file[11]]));
        assert_eq!(&file[12..14], b"RA");
        assert_eq!(u16::from_le_bytes([file[16], file[17]]), 1, "version");
        assert_eq!(usize::from(u16::from_le_bytes([file[18], file[19]])), CHUNK);
        let count = usize::from(u16::from_le_bytes([file[20], file[21]]));
        assert_eq!(extra, 10 + 2 * count);
        let sizes = (0..count)
            .map(|i| usize::from(u16::from_le_bytes([file[22 + 2 * i], file[23 + 2 * i]])))
            .collect();
        let name_end = 12 + extra + file[12 + extra..].iter().position(|&b| b == 0).unwrap_or(0);
        (sizes, name_end + 1)
    }

    /// Text that is neither trivial nor random, over several chunks.
    fn sample() -> Vec<u8> {
        (0..150_000_u64)
            .map(|i| b"kamus glosarium web "[(i * i % 7 + i / 13) as usize % 20])
            .collect()
    }

    #[test]
    fn every_chunk_inflates_on_its_own() {
        let data = sample();
        let file = compress(&data, "kamus-id.dict").expect("compressed");
        let (sizes, mut at) = chunks_of(&file);
        assert_eq!(sizes.len(), data.len().div_ceil(CHUNK));
        for (i, size) in sizes.iter().enumerate() {
            let mut inflate = Decompress::new(false);
            let mut out = Vec::with_capacity(CHUNK + 16);
            inflate
                .decompress_vec(&file[at..at + size], &mut out, FlushDecompress::Sync)
                .expect("the chunk inflates");
            let want = &data[i * CHUNK..((i + 1) * CHUNK).min(data.len())];
            assert_eq!(out, want, "chunk {i}");
            at += size;
        }
    }

    #[test]
    fn the_whole_file_is_gzip_with_its_crc_and_length() {
        let data = sample();
        let file = compress(&data, "x").expect("compressed");
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&file[..]), &mut out)
            .expect("gzip reads it");
        assert_eq!(out, data);
        let n = file.len();
        assert_eq!(&file[n - 4..], &(data.len() as u32).to_le_bytes());
    }

    #[test]
    fn the_same_text_gives_the_same_bytes() {
        let data = sample();
        assert_eq!(compress(&data, "a"), compress(&data, "a"));
        let empty = compress(&[], "a").expect("compressed");
        assert_eq!(chunks_of(&empty).0, Vec::<usize>::new());
    }
}
