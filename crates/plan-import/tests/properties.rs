//! Property tests: no function of the import panics, whatever it is given.
// Native only: proptest is a native dev-dependency (see Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]

use plan_import::*;
use proptest::prelude::*;

/// Markup-heavy strings: tags, quotes, references and Chinese text, in any order.
fn html_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<",
        ">",
        "</",
        "/>",
        "<!--",
        "-->",
        "<!",
        "<?",
        "<![CDATA[",
        "]]>",
        "\"",
        "'",
        "=",
        "&",
        "&amp;",
        "&#",
        "&#x",
        ";",
        "&nbsp;",
        "<p>",
        "</p>",
        "<div class=\"TRS_Editor\">",
        "<div id=zoom>",
        "</div>",
        "<br>",
        "<script>",
        "</script>",
        "<style>",
        "<nav>",
        "</nav>",
        "<title>",
        "</title>",
        "<h1>",
        "</h1>",
        "<pre>",
        "</pre>",
        "<td>",
        "<tr>",
        "<li>",
        "<div class='nav-menu'>",
        "<p hidden>",
        "<span style=\"display:none\">",
        "规划",
        "人工智能",
        "2025年",
        " ",
        "\n",
        "\u{3000}",
        "a",
        "<w:p>",
        "</w:p>",
        "<w:t>",
        "</w:t>",
        "<w:tab/>",
        "<mc:Fallback>",
        "</mc:Fallback>",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

/// Zip-like bytes: signatures and small numbers among random bytes.
fn zip_like() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        b"PK\x03\x04".to_vec(),
        b"PK\x01\x02".to_vec(),
        b"PK\x05\x06".to_vec(),
        b"word/document.xml".to_vec(),
        vec![0, 0],
        vec![1, 0],
        vec![8, 0],
        vec![0xFF, 0xFF, 0xFF, 0xFF],
        vec![17, 0, 0, 0],
        vec![0],
    ]);
    prop::collection::vec(
        prop_oneof![pieces, prop::collection::vec(any::<u8>(), 0..8)],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn html_to_text_never_panics(html in html_like()) {
        // Scripts in well-formed positions are covered by the unit tests; here, any markup.
        let text = html_to_text(&html);
        prop_assert!(text.is_empty() || text.ends_with('\n'));
    }

    #[test]
    fn html_to_text_never_panics_on_any_string(html in any::<String>()) {
        let _ = html_to_text(&html);
    }

    #[test]
    fn docx_xml_to_text_never_panics(xml in html_like()) {
        let _ = docx_xml_to_text(&xml);
    }

    #[test]
    fn sniff_and_decode_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let encoding = sniff_encoding(&bytes);
        if encoding != Encoding::Gb18030 {
            // What the sniffer calls UTF decodes or says where it cannot.
            match decode_utf(&bytes, encoding) {
                Ok(_) => {}
                Err(ImportError::BadEncoding { offset, .. }) => prop_assert!(offset <= bytes.len()),
                Err(other) => prop_assert!(false, "{other:?}"),
            }
        }
        for encoding in [Encoding::Utf8, Encoding::Utf8Bom, Encoding::Utf16Le, Encoding::Utf16Be, Encoding::Gb18030] {
            let _ = decode_utf(&bytes, encoding);
        }
        let _ = detect_format("x.txt", &bytes);
        let _ = check_file("x.docx", &bytes);
    }

    #[test]
    fn utf16_round_trips(text in any::<String>()) {
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        prop_assert_eq!(sniff_encoding(&le), Encoding::Utf16Le);
        prop_assert_eq!(decode_utf(&le, Encoding::Utf16Le).unwrap(), text.clone());
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        prop_assert_eq!(decode_utf(&be, Encoding::Utf16Be).unwrap(), text);
    }

    #[test]
    fn docx_entry_never_panics(bytes in zip_like()) {
        if let Ok(entry) = docx_entry(&bytes) {
            prop_assert!(entry.method == 0 || entry.method == 8);
            prop_assert!(entry.data.len() <= bytes.len());
        }
    }

    #[test]
    fn docx_entry_never_panics_on_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = docx_entry(&bytes);
    }
}

#[cfg(all(feature = "gb18030", feature = "inflate"))]
proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn file_to_text_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300), name in "[a-z]{0,4}\\.(txt|html|docx|pdf|png)") {
        if let Err(e) = file_to_text(&name, &bytes) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn docx_to_text_never_panics(bytes in zip_like()) {
        let _ = docx_to_text(&bytes);
    }

    #[test]
    fn gb18030_round_trips(text in "[\\u{4E00}-\\u{9FA5}a-z0-9,。、()\\n]{1,60}") {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
        prop_assert!(!unmappable);
        prop_assert_eq!(decode_gb18030(&bytes).unwrap(), text);
    }
}
