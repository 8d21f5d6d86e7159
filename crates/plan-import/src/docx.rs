//! A Word document (.docx) to text: finding `word/document.xml` in the zip, and reading its XML.
//!
//! The zip's central directory is read by hand (a few dozen lines; no zip crate). Inflating the
//! entry is a separate step so that the browser can use its own `DecompressionStream("deflate-raw")`;
//! natively [`docx_to_text`] inflates with miniz_oxide (feature `inflate`).

use crate::entities::push_decoded;
use crate::text::tidy_lines;
use crate::ImportError;

/// The main document part of a .docx.
const DOCUMENT_XML: &[u8] = b"word/document.xml";

/// A document.xml larger than this (uncompressed) is refused: a zip bomb, not a plan.
pub const MAX_XML_BYTES: u32 = 128 * 1024 * 1024;

/// One file in a zip archive, not yet inflated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZipEntry<'a> {
    /// 0: stored (the data is the file); 8: deflated (raw DEFLATE, no zlib header).
    pub method: u16,
    /// The entry's bytes as stored in the zip.
    pub data: &'a [u8],
    /// Its size once inflated (at most [`MAX_XML_BYTES`]).
    pub uncompressed_size: u32,
}

fn bad(reason: impl Into<String>) -> ImportError {
    ImportError::BadDocx {
        reason: reason.into(),
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        bytes.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        bytes.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// Finds `word/document.xml` in a .docx (a zip): reads the end-of-central-directory record, walks
/// the central directory to the entry, and returns its data from behind its local header.
///
/// Errors ([`ImportError::BadDocx`]) for: not a zip, a damaged directory, ZIP64, no
/// `word/document.xml` (another zip, e.g. an .xlsx), an encrypted entry, a compression method
/// other than stored or deflate, a document.xml larger than [`MAX_XML_BYTES`]. Never panics.
pub fn docx_entry(bytes: &[u8]) -> Result<ZipEntry<'_>, ImportError> {
    const EOCD: &[u8] = b"PK\x05\x06";
    const CENTRAL: u32 = 0x0201_4b50;
    const LOCAL: u32 = 0x0403_4b50;
    let damaged = || bad("the zip's directory is damaged");
    // The end record is 22 bytes, followed by a comment of at most 65,535.
    let lowest = bytes.len().saturating_sub(22 + 65_535);
    let eocd = (lowest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&at| bytes[at..].starts_with(EOCD))
        .ok_or_else(|| bad("not a zip file (no end of central directory)"))?;
    let entries = u16_at(bytes, eocd + 10).ok_or_else(damaged)?;
    let directory = u32_at(bytes, eocd + 16).ok_or_else(damaged)?;
    if entries == 0xFFFF || directory == 0xFFFF_FFFF {
        return Err(bad("ZIP64 archives are not supported"));
    }
    let mut at = directory as usize;
    // Offsets from the file are checked against its length before any arithmetic, so that the
    // sums below stay far from overflow on 32-bit targets (wasm32) too.
    for _ in 0..entries {
        if at > bytes.len() || u32_at(bytes, at) != Some(CENTRAL) {
            return Err(damaged());
        }
        let field = |offset: usize| u16_at(bytes, at + offset).ok_or_else(damaged);
        let (flags, method) = (field(8)?, field(10)?);
        let compressed = u32_at(bytes, at + 20).ok_or_else(damaged)?;
        let uncompressed = u32_at(bytes, at + 24).ok_or_else(damaged)?;
        let (name_len, extra_len, comment_len) = (
            field(28)? as usize,
            field(30)? as usize,
            field(32)? as usize,
        );
        let local = u32_at(bytes, at + 42).ok_or_else(damaged)? as usize;
        let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(damaged)?;
        at += 46 + name_len + extra_len + comment_len;
        if name != DOCUMENT_XML && name != b"word\\document.xml" {
            continue;
        }
        if flags & 1 != 0 {
            return Err(bad("the document is encrypted (password-protected)"));
        }
        if method != 0 && method != 8 {
            return Err(bad(format!(
                "its compression (method {method}) is not supported: save it again from Word or WPS"
            )));
        }
        if uncompressed == u32::MAX || compressed == u32::MAX {
            return Err(bad("ZIP64 archives are not supported"));
        }
        if uncompressed > MAX_XML_BYTES || compressed > MAX_XML_BYTES {
            return Err(bad(format!(
                "its text would be {uncompressed} bytes, more than the limit of {} MB",
                MAX_XML_BYTES / (1024 * 1024)
            )));
        }
        if local > bytes.len() || u32_at(bytes, local) != Some(LOCAL) {
            return Err(damaged());
        }
        let local_name = u16_at(bytes, local + 26).ok_or_else(damaged)? as usize;
        let local_extra = u16_at(bytes, local + 28).ok_or_else(damaged)? as usize;
        let start = local + 30 + local_name + local_extra;
        let data = bytes
            .get(start..start + compressed as usize)
            .ok_or_else(|| bad("the file is cut off"))?;
        if method == 0 && compressed != uncompressed {
            return Err(damaged());
        }
        return Ok(ZipEntry {
            method,
            data,
            uncompressed_size: uncompressed,
        });
    }
    Err(bad(
        "it has no word/document.xml (is it another kind of zip file?)",
    ))
}

/// The bytes of an entry once inflated (stored ones as they are), with miniz_oxide. Inflating
/// stops at the declared size: a zip bomb is an error, not a full memory.
#[cfg(feature = "inflate")]
pub fn inflate_entry(entry: &ZipEntry<'_>) -> Result<Vec<u8>, ImportError> {
    match entry.method {
        0 => Ok(entry.data.to_vec()),
        8 => {
            let limit = entry.uncompressed_size as usize;
            let out = miniz_oxide::inflate::decompress_to_vec_with_limit(entry.data, limit)
                .map_err(|_| bad("its compressed text is damaged"))?;
            if out.len() != limit {
                return Err(bad("its compressed text is damaged"));
            }
            Ok(out)
        }
        method => Err(bad(format!(
            "its compression (method {method}) is not supported"
        ))),
    }
}

/// A .docx's bytes to its text: [`docx_entry`], [`inflate_entry`], [`docx_xml_to_text`].
#[cfg(feature = "inflate")]
pub fn docx_to_text(bytes: &[u8]) -> Result<String, ImportError> {
    let xml = inflate_entry(&docx_entry(bytes)?)?;
    let xml = std::str::from_utf8(&xml).map_err(|_| bad("its document.xml is not UTF-8"))?;
    Ok(docx_xml_to_text(xml))
}

/// The text of a document.xml: each paragraph (`<w:p>`) a line, the text of its runs (`<w:t>`,
/// character references decoded), `<w:tab/>` a tab, `<w:br/>` and `<w:cr/>` a line break. Tab
/// stops (`<w:tabs>`), deleted text, field codes and the fallback copies of text boxes
/// (`<mc:Fallback>`) are left out. Blank paragraphs collapse as in [`crate::html_to_text`]. Any
/// namespace prefix is accepted (only local names are compared). Never panics.
pub fn docx_xml_to_text(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    let mut in_tabs = false;
    let mut fallback = 0usize;
    let mut i = 0;
    while let Some(lt) = xml[i..].find('<').map(|n| i + n) {
        if in_text && fallback == 0 {
            push_decoded(&mut out, &xml[i..lt]);
        }
        let rest = &xml[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(xml.len(), |n| lt + n + 3);
            continue;
        }
        if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
            let end = cdata.find("]]>").unwrap_or(cdata.len());
            if in_text && fallback == 0 {
                out.push_str(&cdata[..end]);
            }
            i = (lt + 9 + end + 3).min(xml.len());
            continue;
        }
        let Some(gt) = rest.find('>').map(|n| lt + n) else {
            break;
        };
        i = gt + 1;
        let tag = &xml[lt + 1..gt];
        if tag.starts_with(['?', '!']) {
            continue;
        }
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_ascii_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let local = name.rsplit(':').next().unwrap_or(name);
        if local == "Fallback" {
            if closing {
                fallback = fallback.saturating_sub(1);
            } else if !self_closing {
                fallback += 1;
            }
            continue;
        }
        if fallback > 0 {
            continue;
        }
        match local {
            "t" => in_text = !closing && !self_closing,
            "tabs" => in_tabs = !closing && !self_closing,
            "tab" | "ptab" if !closing && !in_tabs => out.push('\t'),
            "br" | "cr" if !closing => out.push('\n'),
            "noBreakHyphen" if !closing => out.push('-'),
            "p" if closing || self_closing => out.push('\n'),
            _ => {}
        }
    }
    tidy_lines(&out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A zip with the given entries, written by hand: local headers and data, the central
    /// directory, the end record (CRCs are left 0: nothing here checks them).
    pub(crate) fn zip(entries: &[(&str, &[u8], bool)], comment: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, content, deflate) in entries {
            let data = if *deflate {
                compress(content)
            } else {
                content.to_vec()
            };
            let method: u16 = if *deflate { 8 } else { 0 };
            let offset = out.len() as u32;
            out.extend_from_slice(b"PK\x03\x04\x14\0\0\0");
            out.extend_from_slice(&method.to_le_bytes());
            out.extend_from_slice(&[0; 8]); // time, date, crc
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(content.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&3u16.to_le_bytes()); // an extra field, to be skipped
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b"xyz");
            out.extend_from_slice(&data);
            central.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0");
            central.extend_from_slice(&method.to_le_bytes());
            central.extend_from_slice(&[0; 8]);
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(content.len() as u32).to_le_bytes());
            central.extend_from_slice(&(name.len() as u16).to_le_bytes());
            central.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let directory = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&directory.to_le_bytes());
        out.extend_from_slice(&(comment.len() as u16).to_le_bytes());
        out.extend_from_slice(comment);
        out
    }

    #[cfg(feature = "inflate")]
    fn compress(content: &[u8]) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec(content, 6)
    }

    #[cfg(not(feature = "inflate"))]
    fn compress(_: &[u8]) -> Vec<u8> {
        unreachable!("deflated test entries need the `inflate` feature")
    }

    /// A minimal .docx: a content-types entry, then `name` with `content`.
    pub(crate) fn zip_with(name: &str, content: &[u8], deflate: bool) -> Vec<u8> {
        zip(
            &[
                ("[Content_Types].xml", b"<Types/>", false),
                (name, content, deflate),
            ],
            b"",
        )
    }

    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>北京市人工智能</w:t></w:r><w:r><w:t xml:space="preserve">发展规划 </w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t>总体要求</w:t></w:r></w:p>
<w:p><w:r><w:t>到2025年&lt;3000亿元&gt; &amp; R&amp;D</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>
<w:p><w:r><w:instrText> PAGE </w:instrText><w:delText>删掉的</w:delText><w:t>页</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
</w:body></w:document>"#;

    #[test]
    fn reads_paragraphs_runs_tabs_and_breaks() {
        assert_eq!(
            docx_xml_to_text(XML),
            "北京市人工智能发展规划\n\n一、\t总体要求\n到2025年<3000亿元> & R&D\n第二行\n页\n文本框\n"
        );
    }

    #[test]
    fn xml_oddities_do_not_break_it() {
        assert_eq!(docx_xml_to_text(""), "");
        assert_eq!(docx_xml_to_text("<w:p><w:t>未闭合"), "");
        assert_eq!(docx_xml_to_text("<w:p><w:t>a</w:t></w:p><w:p"), "a\n");
        assert_eq!(
            docx_xml_to_text("<x:p><x:t><![CDATA[<raw>]]></x:t><!-- <x:t>no</x:t> --></x:p>"),
            "<raw>\n"
        );
        assert_eq!(docx_xml_to_text("<w:t>a</w:t><w:t/>b"), "a\n");
    }

    #[test]
    fn finds_a_stored_document_xml() {
        let docx = zip_with("word/document.xml", XML.as_bytes(), false);
        let entry = docx_entry(&docx).unwrap();
        assert_eq!(entry.method, 0);
        assert_eq!(entry.data, XML.as_bytes());
        assert_eq!(entry.uncompressed_size as usize, XML.len());
        // With an archive comment after the end record.
        let docx = zip(&[("word/document.xml", b"<w:p/>", false)], b"made by hand");
        assert_eq!(docx_entry(&docx).unwrap().data, b"<w:p/>");
    }

    #[test]
    fn sizes_come_from_the_central_directory() {
        // Streaming writers leave the local header's sizes zero (flag bit 3, a data descriptor
        // after the data); only the central directory has them.
        let good = zip_with("word/document.xml", b"<w:p><w:t>a</w:t></w:p>", false);
        let local = rfind(&good, b"PK\x03\x04");
        let mut streamed = good.clone();
        streamed[local + 6] |= 8;
        streamed[local + 18..local + 26].fill(0);
        assert_eq!(docx_entry(&streamed), docx_entry(&good));
        assert_eq!(
            docx_entry(&streamed).unwrap().data,
            b"<w:p><w:t>a</w:t></w:p>"
        );
    }

    #[test]
    fn says_why_a_zip_is_no_docx() {
        let reason = |bytes: &[u8]| match docx_entry(bytes) {
            Err(ImportError::BadDocx { reason }) => reason,
            other => panic!("{other:?}"),
        };
        assert!(reason(b"").contains("not a zip"));
        assert!(reason(b"PK\x03\x04 plain text").contains("not a zip"));
        let xlsx = zip_with("xl/workbook.xml", b"<workbook/>", false);
        assert!(reason(&xlsx).contains("no word/document.xml"));
        let good = zip_with("word/document.xml", b"<w:p/>", false);
        // Encrypted: flag bit 0 in the central directory's entry.
        let entry = rfind(&good, b"PK\x01\x02");
        let mut encrypted = good.clone();
        encrypted[entry + 8] = 1;
        assert!(reason(&encrypted).contains("encrypted"));
        // Data said to run past the end of the file.
        let mut cut = good.clone();
        cut[entry + 20..entry + 24].copy_from_slice(&1_000u32.to_le_bytes());
        assert!(reason(&cut).contains("cut off"));
        let mut bzip2 = good.clone();
        bzip2[entry + 10] = 12;
        assert!(reason(&bzip2).contains("method 12"));
        let mut zip64 = good.clone();
        let end = rfind(&zip64, b"PK\x05\x06");
        zip64[end + 16..end + 20].copy_from_slice(&[0xFF; 4]);
        assert!(reason(&zip64).contains("ZIP64"));
        let mut wild = good.clone();
        wild[end + 16..end + 20].copy_from_slice(&1_000_000u32.to_le_bytes());
        assert!(reason(&wild).contains("damaged"));
        let mut bomb = good.clone();
        bomb[entry + 24..entry + 28].copy_from_slice(&(MAX_XML_BYTES + 1).to_le_bytes());
        assert!(reason(&bomb).contains("more than the limit"));
        let mut zip64_entry = good.clone();
        zip64_entry[entry + 24..entry + 28].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(reason(&zip64_entry).contains("ZIP64"));
    }

    fn rfind(haystack: &[u8], needle: &[u8]) -> usize {
        haystack
            .windows(needle.len())
            .rposition(|w| w == needle)
            .expect("present")
    }

    #[cfg(feature = "inflate")]
    #[test]
    fn inflates_a_deflated_document_xml() {
        let docx = zip_with("word/document.xml", XML.as_bytes(), true);
        let entry = docx_entry(&docx).unwrap();
        assert_eq!(entry.method, 8);
        assert!(entry.data.len() < XML.len());
        assert_eq!(inflate_entry(&entry).unwrap(), XML.as_bytes());
        assert!(docx_to_text(&docx)
            .unwrap()
            .starts_with("北京市人工智能发展规划\n"));
        let stored = zip_with("word/document.xml", XML.as_bytes(), false);
        assert_eq!(docx_to_text(&stored), docx_to_text(&docx));
    }

    #[cfg(feature = "inflate")]
    #[test]
    fn damaged_or_lying_deflate_data_is_an_error() {
        let entry = ZipEntry {
            method: 8,
            data: b"\xFF\xFF\xFF\xFF",
            uncompressed_size: 10,
        };
        assert_eq!(inflate_entry(&entry).unwrap_err().code(), "bad-docx");
        // A declared size smaller than the real one stops the inflater there.
        let data = miniz_oxide::deflate::compress_to_vec(&[b'a'; 10_000], 6);
        let entry = ZipEntry {
            method: 8,
            data: &data,
            uncompressed_size: 100,
        };
        assert_eq!(inflate_entry(&entry).unwrap_err().code(), "bad-docx");
        let not_utf8 = zip_with("word/document.xml", b"<w:t>\xFF</w:t>", false);
        assert!(docx_to_text(&not_utf8)
            .unwrap_err()
            .to_string()
            .contains("not UTF-8"));
    }
}
