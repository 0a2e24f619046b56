//! Scripts written without spaces between words (Chinese and Japanese), by code point:
//! the text stage joins their lines and reads their vertical columns, and `eval` counts
//! their characters as words.

/// A unified Han ideograph (the main block and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// A CJK compatibility ideograph.
pub fn is_han_compatibility(c: char) -> bool {
    matches!(c as u32, 0xF900..=0xFAFF)
}

/// Hiragana.
pub fn is_hiragana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x309F)
}

/// Hiragana or katakana.
pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF)
}

/// Han, kana, CJK punctuation (`、。「」`) and full-width forms: text that joins with no
/// space where its line breaks.
pub fn is_wide(c: char) -> bool {
    is_han(c) || is_kana(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}
