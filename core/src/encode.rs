//! Percent-encoding with the unreserved set (`A-Z a-z 0-9 - _ . ~`), as Huawei's signer does:
//! every other byte of the UTF-8 form becomes `%XX` with upper-case hex.

pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    encode_into(&mut out, s);
    out
}

/// [`encode`], appended to `out`: runs of unreserved bytes are copied as they are, whole (the
/// signer encodes every path segment and query pair, and pushing byte by byte was its cost).
pub fn encode_into(out: &mut String, s: &str) {
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            continue;
        }
        // The run before a reserved byte is ASCII, so `run..i` is on character boundaries.
        out.push_str(s.get(run..i).unwrap_or_default());
        out.push('%');
        out.push(char::from(hex_digit(b >> 4).to_ascii_uppercase()));
        out.push(char::from(hex_digit(b & 0x0F).to_ascii_uppercase()));
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or_default());
}

/// The lower-case hex digit of a nibble, as an ASCII byte.
pub fn hex_digit(nibble: u8) -> u8 {
    b"0123456789abcdef".get(usize::from(nibble & 0x0F)).copied().unwrap_or(b'0')
}

/// Decodes `%XX` sequences (invalid ones are kept as they are); with `plus_is_space`, `+` is a
/// space as in form-encoded queries. Invalid UTF-8 becomes U+FFFD.
pub fn decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|c| char::from(*c).to_digit(16));
        match b {
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(hi), Some(lo)) => {
                    out.push((hi * 16 + lo) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b),
            },
            b'+' if plus_is_space => out.push(b' '),
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_the_sdk() {
        assert_eq!(encode("a b/+=&~*中"), "a%20b%2F%2B%3D%26~%2A%E4%B8%AD");
        assert_eq!(encode("AZaz09-_.~"), "AZaz09-_.~");
        assert_eq!(encode("中a b"), "%E4%B8%ADa%20b", "a run after a multibyte character");
        assert_eq!(encode(""), "");
        let mut out = String::from("k=");
        encode_into(&mut out, "v/1");
        assert_eq!(out, "k=v%2F1", "appends");
    }

    #[test]
    fn decodes_and_survives_garbage() {
        assert_eq!(decode("a%20b%2Fc+d", true), "a b/c d");
        assert_eq!(decode("a+b", false), "a+b");
        assert_eq!(decode("%", false), "%");
        assert_eq!(decode("%zz%4", false), "%zz%4");
        assert_eq!(decode("%FF", false), "\u{FFFD}");
    }
}
