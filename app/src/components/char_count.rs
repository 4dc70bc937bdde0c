//! What a textarea's length counter says ("120 / 2 000 tecken") and where it is: shared by
//! the counter island (`char_counter`) and the assessment form, whose island keeps the
//! counters of its many textareas itself (one listener instead of an island per field).

use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

/// The id of the counter of the textarea with id `of` (the textarea's `aria-describedby`).
pub fn counter_id(of: &str) -> String {
    format!("{of}-count")
}

/// The counter's words: with `used` (UTF-16 units, the browser's measure for `maxlength`)
/// once the page's script counts, the limit alone before.
pub fn counter_text(i18n: Locale, used: Option<usize>, max: usize) -> String {
    let max = format::count(max);
    match used {
        Some(used) => td_string!(i18n, assessment.chars_used, used = format::count(used), max = max).to_string(),
        None => td_string!(i18n, assessment.chars_max, max = max).to_string(),
    }
}

/// Brings the counter of `textarea` up to date with what it holds (in the browser; for an
/// island that counts the textareas among its children).
pub fn show_count(i18n: Locale, textarea: &leptos::web_sys::HtmlTextAreaElement) {
    let Ok(max) = usize::try_from(textarea.max_length()) else { return };
    let used = textarea.value().encode_utf16().count();
    if let Some(counter) = document().get_element_by_id(&counter_id(&textarea.id())) {
        counter.set_text_content(Some(&counter_text(i18n, Some(used), max)));
    }
}
