//! The two hashes the progress files rely on, written out here rather than
//! taken from a crate: both end up inside files a trainee keeps for years,
//! so their values may never change with a dependency upgrade.
//!
//! - [`content_hash`] (64-bit FNV-1a of a scenario file's text) tells a
//!   replay or a resumed call whether the scenario is still the one it was
//!   played on.
//! - [`crc32`] (CRC-32/ISO-HDLC, the checksum of zip and PNG) guards every
//!   line of the attempt log: it catches a truncated or hand-edited record,
//!   including every burst of up to 32 flipped bits. It is table-driven,
//!   eight bytes at a time, because loading 10,000 attempts checks tens of
//!   megabytes.

/// 64-bit FNV-1a of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The content hash of a scenario file's source text: 16 lower-case hex
/// digits of its 64-bit FNV-1a. Any edit to the file (even a comment)
/// changes it, which is the point: the stored attempt says exactly which
/// text it was played on.
pub fn content_hash(source: &str) -> String {
    format!("{:016x}", fnv1a64(source.as_bytes()))
}

const fn crc_tables() -> [[u32; 256]; 8] {
    let mut t = [[0u32; 256]; 8];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[0][i] = c;
        i += 1;
    }
    let mut i = 0;
    while i < 256 {
        let mut s = 1;
        while s < 8 {
            let prev = t[s - 1][i];
            t[s][i] = (prev >> 8) ^ t[0][(prev & 0xFF) as usize];
            s += 1;
        }
        i += 1;
    }
    t
}

static CRC: [[u32; 256]; 8] = crc_tables();

/// CRC-32 (the zip/PNG polynomial, reflected, initial and final XOR all
/// ones) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let t = &CRC;
    let mut crc = !0u32;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let lo = u32::from_le_bytes([c[0], c[1], c[2], c[3]]) ^ crc;
        let hi = u32::from_le_bytes([c[4], c[5], c[6], c[7]]);
        crc = t[7][(lo & 0xFF) as usize]
            ^ t[6][((lo >> 8) & 0xFF) as usize]
            ^ t[5][((lo >> 16) & 0xFF) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][(hi & 0xFF) as usize]
            ^ t[2][((hi >> 8) & 0xFF) as usize]
            ^ t[1][((hi >> 16) & 0xFF) as usize]
            ^ t[0][(hi >> 24) as usize];
    }
    for &b in chunks.remainder() {
        crc = t[0][((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_is_pinned() {
        // The published FNV-1a 64 test vectors. If these change, every stored
        // attempt claims its scenario changed: never change them.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(content_hash("foobar"), "85944171f73967e8");
        assert_eq!(content_hash(""), "cbf29ce484222325");
    }

    #[test]
    fn crc32_is_pinned() {
        // The standard check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn crc32_eight_at_a_time_equals_one_at_a_time() {
        fn slow(bytes: &[u8]) -> u32 {
            let mut crc = !0u32;
            for &b in bytes {
                crc ^= u32::from(b);
                for _ in 0..8 {
                    crc = if crc & 1 != 0 {
                        0xEDB8_8320 ^ (crc >> 1)
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        let mut rng = crate::sim::rng::Rng::new(5);
        for len in 0..100 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
            assert_eq!(crc32(&bytes), slow(&bytes), "length {len}");
        }
    }

    #[test]
    fn one_flipped_bit_changes_the_crc() {
        let line = br#"{"format":1,"id":"abc","overall":87}"#.to_vec();
        let good = crc32(&line);
        for i in 0..line.len() * 8 {
            let mut bad = line.clone();
            bad[i / 8] ^= 1 << (i % 8);
            assert_ne!(crc32(&bad), good, "bit {i}");
        }
    }
}
