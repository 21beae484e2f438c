//! Standard base64 (RFC 4648 §4: `A–Z a–z 0–9 + /`, `=` padding) for the binary fields of the
//! encrypted exchange file (salt, iv, ciphertext). Written by hand because a crate would add to
//! the wasm build for thirty lines of work. Decoding is strict about what would change the bytes
//! read: no URL-safe alphabet, `=` only at the end, and unused trailing bits must be zero. It
//! allows what only changes the layout: ASCII white space anywhere (MIME and PEM tools, Python's
//! `base64.encodebytes`, `openssl base64` wrap lines at 76 or 64 characters) and padding left
//! out, in whole or in part (`Zg`, `Zg=`, `Zg==` are the same byte). What the bytes are for is
//! checked elsewhere (AES-GCM authenticates the ciphertext).
//! This module knows nothing about files or cryptography.

use std::fmt;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Why a text is not standard base64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base64Error {
    /// One character too many for a whole number of bytes (white space not counted): the text
    /// is cut off or has a stray character.
    BadLength,
    /// A character outside the alphabet, at this byte offset.
    BadCharacter {
        /// Byte offset in the text once white space is taken out.
        offset: usize,
    },
    /// `=` somewhere other than the last one or two places, or unused bits that are not zero.
    BadPadding,
}

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base64Error::BadLength => write!(f, "one character too many or too few"),
            Base64Error::BadCharacter { offset } => {
                write!(f, "character at offset {offset} is not base64")
            }
            Base64Error::BadPadding => write!(f, "padding is wrong"),
        }
    }
}

/// Encodes bytes as standard base64 with padding.
///
/// ```
/// use samenscan::domain::base64;
/// assert_eq!(base64::encode(b"Ma"), "TWE=");
/// ```
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextet = |shift: u32| char::from(ALPHABET[((n >> shift) & 63) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

fn value_of(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes standard base64; see the module documentation for what is refused and what allowed.
/// Offsets in errors count the characters left after white space is taken out.
///
/// ```
/// use samenscan::domain::base64;
/// assert_eq!(base64::decode("TWE="), Ok(b"Ma".to_vec()));
/// assert_eq!(base64::decode("TWE"), Ok(b"Ma".to_vec()));
/// assert_eq!(base64::decode("TWFu\r\nTWE=\n"), Ok(b"ManMa".to_vec()));
/// assert!(base64::decode("TWE-").is_err());
/// ```
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    // Copied only when there is white space to take out.
    let mut b = std::borrow::Cow::Borrowed(text.as_bytes());
    if b.iter().any(u8::is_ascii_whitespace) {
        b.to_mut().retain(|c| !c.is_ascii_whitespace());
    }
    let b: &[u8] = &b;
    // The last group, with the padding that was left out put back (the rest is not copied).
    let whole = b.len() / 4 * 4;
    let mut tail = [b'='; 4];
    let last: &[u8] = match b.len() - whole {
        0 => &[],
        1 => return Err(Base64Error::BadLength),
        n => {
            tail[..n].copy_from_slice(&b[whole..]);
            &tail
        }
    };
    let groups = b[..whole]
        .chunks(4)
        .chain((!last.is_empty()).then_some(last));
    let last_group = b.len().div_ceil(4);
    let mut out = Vec::with_capacity(last_group * 3);
    for (i, chunk) in groups.enumerate() {
        let is_last = i + 1 == last_group;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !is_last) {
            return Err(Base64Error::BadPadding);
        }
        let mut n = 0u32;
        for (j, &c) in chunk[..4 - pad].iter().enumerate() {
            let v = value_of(c).ok_or(if c == b'=' {
                Base64Error::BadPadding
            } else {
                Base64Error::BadCharacter { offset: i * 4 + j }
            })?;
            n |= v << (18 - 6 * j);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = 3 - pad;
        // Unused low bits must be zero: otherwise two texts would decode to the same bytes.
        if bytes[keep..].iter().any(|&x| x != 0) {
            return Err(Base64Error::BadPadding);
        }
        out.extend_from_slice(&bytes[..keep]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_test_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in vectors {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn all_byte_values_round_trip() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for len in 0..bytes.len() {
            assert_eq!(decode(&encode(&bytes[..len])).unwrap(), &bytes[..len]);
        }
        // 0xFB 0xFF: 11111011 11111111 → sextets 62, 63, 60 → "+/8=".
        assert_eq!(encode(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn white_space_and_left_out_padding_change_nothing() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        let coded = encode(&bytes);
        // As MIME tools, Python's encodebytes and `openssl base64` wrap it.
        for width in [64, 76] {
            for newline in ["\n", "\r\n"] {
                let wrapped: Vec<&str> = coded
                    .as_bytes()
                    .chunks(width)
                    .map(|line| std::str::from_utf8(line).unwrap())
                    .collect();
                let text = wrapped.join(newline) + newline;
                assert_eq!(decode(&text).unwrap(), bytes);
            }
        }
        assert_eq!(decode(" Zm9v\tYg==\n").unwrap(), b"foob");
        assert_eq!(decode("Zm9vYg").unwrap(), b"foob");
        assert_eq!(decode("Zm9vYmE").unwrap(), b"fooba");
        assert_eq!(decode("Zm9vYmE =").unwrap(), b"fooba");
        // Padding in part: "Zg=" is "Zg==" with one left out.
        assert_eq!(decode("Zg=").unwrap(), b"f");
        assert_eq!(decode("Zg=\n=").unwrap(), b"f");
        assert_eq!(decode("Zm9vZg=").unwrap(), b"foof");
        assert_eq!(decode(" \n").unwrap(), b"");
    }

    #[test]
    fn decoding_refuses_what_would_change_the_bytes() {
        assert_eq!(
            decode("Zm9vZ"),
            Err(Base64Error::BadLength),
            "one left over"
        );
        assert_eq!(decode("Zm9v Z"), Err(Base64Error::BadLength));
        assert_eq!(decode("Zm8"), Ok(b"fo".to_vec()), "padding left out");
        assert_eq!(
            decode("Zm9"),
            Err(Base64Error::BadPadding),
            "unused bits not zero"
        );
        assert_eq!(decode("Zm-v"), Err(Base64Error::BadCharacter { offset: 2 }));
        assert_eq!(decode("Zm_v"), Err(Base64Error::BadCharacter { offset: 2 }));
        assert_eq!(decode("Zg==Zg=="), Err(Base64Error::BadPadding));
        assert_eq!(decode("Z==="), Err(Base64Error::BadPadding));
        assert_eq!(decode("Z=g="), Err(Base64Error::BadPadding));
        // "Zh==": 'h' = 33 = 100001, the low four bits 0001 are unused and must be zero.
        assert_eq!(decode("Zh=="), Err(Base64Error::BadPadding));
        assert_eq!(decode("Zh"), Err(Base64Error::BadPadding));
        assert_eq!(decode("Zg=="), Ok(b"f".to_vec()));
        assert_eq!(decode("Zm9v\n"), Ok(b"foo".to_vec()));
        // No other characters are skipped.
        assert_eq!(
            decode("Zm9v\u{a0}"),
            Err(Base64Error::BadCharacter { offset: 4 })
        );
        assert_eq!(decode("Zm.v"), Err(Base64Error::BadCharacter { offset: 2 }));
    }
}
