//! A plan's stored form: what extraction produced, in postcard's compact binary form (fields in
//! declaration order, no names; see the `postcard` crate), without the source text and without
//! the quotes the text already holds (a quote that is `text[span]` is stored empty and cut again
//! when read back). Reading it back gives the same [`Plan`] as extracting the text again; the
//! built-in plans are stored this way at build time and imported plans between visits, so neither
//! is extracted at start-up.

use crate::{Figure, Item, Plan, Quoted, Span};

/// The stored form of `plan` (its text is stored on its own).
pub fn to_bytes(plan: &Plan) -> Vec<u8> {
    let mut stored = plan.clone();
    stored.text = String::new();
    for_each_quote(&mut stored, |quote, span| {
        if !quote.is_empty() && span.slice(&plan.text) == quote.as_str() {
            quote.clear();
        }
    });
    postcard::to_allocvec(&stored).expect("a plan always serialises")
}

/// The plan stored as `bytes` by [`to_bytes`], given its `text`. Stored data of another version of
/// the model is refused (or, rarely, read as a different plan: keep the stored form beside the
/// version of the code that wrote it). A refusal hands the text back.
pub fn from_bytes(bytes: &[u8], text: String) -> Result<Plan, (postcard::Error, String)> {
    let mut plan: Plan = match postcard::from_bytes(bytes) {
        Ok(plan) => plan,
        Err(error) => return Err((error, text)),
    };
    for_each_quote(&mut plan, |quote, span| {
        if quote.is_empty() && !span.is_empty() {
            quote.push_str(span.slice(&text));
        }
    });
    plan.text = text;
    Ok(plan)
}

/// Every quote of a plan that is cut from its text, with the span it is cut at.
fn for_each_quote(plan: &mut Plan, mut visit: impl FnMut(&mut String, Span)) {
    let mut quoted = |quoted: Option<&mut Quoted>| {
        if let Some(Quoted { text, span }) = quoted {
            visit(text, *span);
        }
    };
    quoted(plan.doc_number.as_mut());
    quoted(plan.issuer.as_mut());
    quoted(plan.issue_date.quote.as_mut());
    quoted(plan.period.as_mut().and_then(|p| p.quote.as_mut()));
    quoted(plan.validity.as_mut().and_then(|d| d.quote.as_mut()));
    quoted(
        plan.comment_deadline
            .as_mut()
            .and_then(|d| d.quote.as_mut()),
    );
    for figure in &mut plan.figures {
        quoted(figure.baseline.as_mut().map(|b| &mut b.quote));
    }
    for Item { quote, span, .. } in &mut plan.items {
        visit(quote, *span);
    }
    for Figure {
        quote,
        span,
        raw,
        raw_span,
        ..
    } in &mut plan.figures
    {
        visit(quote, *span);
        visit(raw, *raw_span);
    }
}
