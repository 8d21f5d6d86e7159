//! Which encoding a text file is in, and decoding it strictly.

use crate::ImportError;

/// The encodings a plan's text file comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    /// UTF-8 with a byte-order mark (Windows Notepad's "UTF-8 with BOM").
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark (Notepad's "Unicode").
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// GB18030, which includes GBK and GB2312: what many government sites publish in.
    Gb18030,
}

impl Encoding {
    /// The name people know it by, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (with BOM)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        }
    }

    /// The WHATWG label, e.g. for the browser's `new TextDecoder(label, { fatal: true })`.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The encoding of a text file's bytes:
///
/// 1. a byte-order mark decides (UTF-8, UTF-16LE `FF FE`, UTF-16BE `FE FF`);
/// 2. valid UTF-8 is [`Encoding::Utf8`] (so is plain ASCII);
/// 3. *damaged* UTF-8 — at least 8 multi-byte characters and at most one invalid sequence per 10
///    of them — is also `Utf8`, so that decoding reports where it is broken instead of turning the
///    whole file into GB18030 mojibake (GBK text is almost never valid UTF-8 for more than a few
///    characters in a row);
/// 4. anything else is [`Encoding::Gb18030`].
///
/// Text in UTF-16 without a byte-order mark is not recognised (see [`crate::detect_format`]: its
/// NUL bytes make it binary).
pub fn sniff_encoding(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(UTF8_BOM) {
        Encoding::Utf8Bom
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Encoding::Utf16Le
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Encoding::Utf16Be
    } else if std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
        Encoding::Utf8
    } else {
        Encoding::Gb18030
    }
}

/// Counts multi-byte characters and invalid sequences in one pass.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let multibyte = |valid: &[u8]| {
        std::str::from_utf8(valid).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count())
    };
    let (mut chars, mut errors) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                chars += multibyte(s.as_bytes());
                break;
            }
            Err(e) => {
                chars += multibyte(&rest[..e.valid_up_to()]);
                errors += 1;
                match e.error_len() {
                    Some(len) => rest = &rest[e.valid_up_to() + len..],
                    None => break,
                }
            }
        }
    }
    chars >= 8 && errors * 10 <= chars
}

/// Decodes UTF-8 or UTF-16 bytes (a byte-order mark, if present, is dropped).
///
/// Strict: an invalid UTF-8 sequence, a character cut off at the end, an odd number of UTF-16 bytes
/// or a lone surrogate is an [`ImportError::BadEncoding`] with the byte offset where it is, never a
/// silent U+FFFD (extraction quotes the text verbatim). `Encoding::Gb18030` is an error here: use
/// `decode_gb18030` (feature `gb18030`) or, in the browser, `TextDecoder("gb18030")`.
pub fn decode_utf(bytes: &[u8], encoding: Encoding) -> Result<String, ImportError> {
    match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            let skip = if bytes.starts_with(UTF8_BOM) { 3 } else { 0 };
            match std::str::from_utf8(&bytes[skip..]) {
                Ok(s) => Ok(s.to_string()),
                Err(e) => Err(ImportError::BadEncoding {
                    encoding,
                    offset: skip + e.valid_up_to(),
                    reason: if e.error_len().is_some() {
                        "an invalid UTF-8 sequence"
                    } else {
                        "a character cut off at the end of the file"
                    },
                }),
            }
        }
        Encoding::Utf16Le => decode_utf16(bytes, encoding, u16::from_le_bytes),
        Encoding::Utf16Be => decode_utf16(bytes, encoding, u16::from_be_bytes),
        Encoding::Gb18030 => Err(ImportError::BadEncoding {
            encoding,
            offset: 0,
            reason: "GB18030 is decoded by decode_gb18030 (feature `gb18030`), not decode_utf",
        }),
    }
}

fn decode_utf16(
    bytes: &[u8],
    encoding: Encoding,
    unit: fn([u8; 2]) -> u16,
) -> Result<String, ImportError> {
    let bom = if encoding == Encoding::Utf16Le {
        [0xFF, 0xFE]
    } else {
        [0xFE, 0xFF]
    };
    let skip = if bytes.starts_with(&bom) { 2 } else { 0 };
    let body = &bytes[skip..];
    if body.len() % 2 == 1 {
        return Err(ImportError::BadEncoding {
            encoding,
            offset: bytes.len() - 1,
            reason: "an odd number of bytes (UTF-16 comes in pairs)",
        });
    }
    let units = body.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(body.len());
    let mut at = 0; // in UTF-16 units
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                at += c.len_utf16();
            }
            Err(_) => {
                return Err(ImportError::BadEncoding {
                    encoding,
                    offset: skip + 2 * at,
                    reason: "a lone surrogate (half of a character)",
                })
            }
        }
    }
    Ok(text)
}

/// Decodes GB18030 (and so GBK and GB2312) strictly, with encoding_rs: a malformed sequence is an
/// [`ImportError::BadEncoding`] with its byte offset.
#[cfg(feature = "gb18030")]
pub fn decode_gb18030(bytes: &[u8]) -> Result<String, ImportError> {
    use encoding_rs::DecoderResult;
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve((bytes.len() - read) * 2 + 16),
            DecoderResult::Malformed(bad, after) => {
                return Err(ImportError::BadEncoding {
                    encoding: Encoding::Gb18030,
                    offset: read.saturating_sub(bad as usize + after as usize),
                    reason: "a byte sequence that is neither UTF-8 nor GB18030",
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 人工智能 in GBK, written out so that the test needs no encoder.
    const GBK_RENGONG_ZHINENG: &[u8] = b"\xC8\xCB\xB9\xA4\xD6\xC7\xC4\xDC";

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        for u in units {
            out.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn sniffs_boms_then_utf8_then_gb18030() {
        let cases: &[(&[u8], Encoding)] = &[
            (b"", Encoding::Utf8),
            (b"plain ASCII", Encoding::Utf8),
            ("人工智能".as_bytes(), Encoding::Utf8),
            (b"\xEF\xBB\xBF\xE4\xBA\xBA", Encoding::Utf8Bom),
            (b"\xFF\xFEa\0", Encoding::Utf16Le),
            (b"\xFE\xFF\0a", Encoding::Utf16Be),
            (GBK_RENGONG_ZHINENG, Encoding::Gb18030),
            (b"2025\xC4\xEA", Encoding::Gb18030),
        ];
        for (bytes, want) in cases {
            assert_eq!(sniff_encoding(bytes), *want, "{bytes:?}");
        }
    }

    #[test]
    fn damaged_utf8_stays_utf8_so_decoding_can_say_where() {
        let mut bytes = "到2025年,人工智能核心产业规模达到3000亿元。"
            .as_bytes()
            .to_vec();
        bytes.insert(10, 0xFF);
        assert_eq!(sniff_encoding(&bytes), Encoding::Utf8);
        let err = decode_utf(&bytes, Encoding::Utf8).unwrap_err();
        assert_eq!(
            err,
            ImportError::BadEncoding {
                encoding: Encoding::Utf8,
                offset: 10,
                reason: "an invalid UTF-8 sequence"
            }
        );
        // A long GBK text is never mistaken for it.
        assert_eq!(
            sniff_encoding(&GBK_RENGONG_ZHINENG.repeat(50)),
            Encoding::Gb18030
        );
    }

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_eq!(
            decode_utf("规划".as_bytes(), Encoding::Utf8).unwrap(),
            "规划"
        );
        let with_bom = b"\xEF\xBB\xBF\xE8\xA7\x84\xE5\x88\x92";
        assert_eq!(sniff_encoding(with_bom), Encoding::Utf8Bom);
        assert_eq!(decode_utf(with_bom, Encoding::Utf8Bom).unwrap(), "规划");
        assert_eq!(
            decode_utf(b"ab\xE8\xA7", Encoding::Utf8).unwrap_err(),
            ImportError::BadEncoding {
                encoding: Encoding::Utf8,
                offset: 2,
                reason: "a character cut off at the end of the file"
            }
        );
        assert_eq!(
            decode_utf(b"\xEF\xBB\xBFab\xFF", Encoding::Utf8Bom)
                .unwrap_err()
                .to_string(),
            "the text is not valid UTF-8 (with BOM) at byte 5: an invalid UTF-8 sequence; \
             save it as UTF-8 and try again"
        );
    }

    #[test]
    fn decodes_utf16_both_ways_including_astral_characters() {
        let text = "规划 2025 𠀀 end";
        for (big_endian, encoding) in [(false, Encoding::Utf16Le), (true, Encoding::Utf16Be)] {
            let bytes = utf16(text, big_endian, true);
            assert_eq!(sniff_encoding(&bytes), encoding);
            assert_eq!(decode_utf(&bytes, encoding).unwrap(), text);
            // Without the BOM, when the caller knows.
            let bare = utf16(text, big_endian, false);
            assert_eq!(decode_utf(&bare, encoding).unwrap(), text);
        }
    }

    #[test]
    fn a_lone_surrogate_is_an_error_at_its_offset() {
        // BOM, 'a', a high surrogate followed by 'b' (not a low surrogate).
        let bytes = b"\xFF\xFEa\0\x3D\xD8b\0";
        assert_eq!(
            decode_utf(bytes, Encoding::Utf16Le).unwrap_err(),
            ImportError::BadEncoding {
                encoding: Encoding::Utf16Le,
                offset: 4,
                reason: "a lone surrogate (half of a character)"
            }
        );
        // A low surrogate alone, big-endian, at the end.
        let bytes = b"\xFE\xFF\0a\xDC\0";
        assert_eq!(
            decode_utf(bytes, Encoding::Utf16Be).unwrap_err().code(),
            "bad-encoding"
        );
        // A pair is fine: U+1F600 is D83D DE00.
        assert_eq!(
            decode_utf(b"\xFF\xFE\x3D\xD8\x00\xDE", Encoding::Utf16Le).unwrap(),
            "\u{1F600}"
        );
    }

    #[test]
    fn an_odd_utf16_length_is_an_error() {
        let err = decode_utf(b"\xFF\xFEa\0b", Encoding::Utf16Le).unwrap_err();
        assert_eq!(
            err,
            ImportError::BadEncoding {
                encoding: Encoding::Utf16Le,
                offset: 4,
                reason: "an odd number of bytes (UTF-16 comes in pairs)"
            }
        );
    }

    #[test]
    fn gb18030_is_not_for_decode_utf() {
        assert_eq!(
            decode_utf(GBK_RENGONG_ZHINENG, Encoding::Gb18030)
                .unwrap_err()
                .code(),
            "bad-encoding"
        );
    }

    #[test]
    fn labels_are_whatwg_labels() {
        assert_eq!(Encoding::Gb18030.label(), "gb18030");
        assert_eq!(Encoding::Utf8Bom.label(), "utf-8");
        assert_eq!(Encoding::Utf16Be.label(), "utf-16be");
    }

    #[cfg(feature = "gb18030")]
    #[test]
    fn decodes_gbk_and_gb18030() {
        assert_eq!(decode_gb18030(GBK_RENGONG_ZHINENG).unwrap(), "人工智能");
        let text = "北京市加快建设具有全球影响力的人工智能创新策源地实施方案(2023—2025年)";
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
        assert!(!unmappable);
        assert_eq!(sniff_encoding(&gbk), Encoding::Gb18030);
        assert_eq!(decode_gb18030(&gbk).unwrap(), text);
        // GB18030's four-byte sequences reach every code point.
        let (gb, _, _) = encoding_rs::GB18030.encode("𠀀€");
        assert_eq!(decode_gb18030(&gb).unwrap(), "𠀀€");
        // A large input needs the output to grow.
        let long = GBK_RENGONG_ZHINENG.repeat(10_000);
        assert_eq!(decode_gb18030(&long).unwrap(), "人工智能".repeat(10_000));
    }

    #[cfg(feature = "gb18030")]
    #[test]
    fn malformed_gb18030_is_an_error_at_its_offset() {
        // A lead byte followed by a byte no trail may be, then a lead byte cut off at the end.
        let mut bytes = GBK_RENGONG_ZHINENG.to_vec();
        bytes.extend_from_slice(b"\x81\x20");
        let err = decode_gb18030(&bytes).unwrap_err();
        assert_eq!(err.code(), "bad-encoding");
        assert!(
            matches!(err, ImportError::BadEncoding { offset: 8, .. }),
            "{err:?}"
        );
        let err = decode_gb18030(b"\xC8\xCB\xB9").unwrap_err();
        assert!(
            matches!(err, ImportError::BadEncoding { offset: 2, .. }),
            "{err:?}"
        );
    }
}
