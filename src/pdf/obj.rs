//! Small, panic-free accessors over lopdf objects (references followed a bounded number
//! of times) and bounded stream decoding that never touches image filters.

use lopdf::{Dictionary, Document, Object};

/// What the accessors need: the document and the stream size limit.
pub struct Ctx<'a> {
    /// The loaded document.
    pub doc: &'a Document,
    /// Largest decoded stream.
    pub max_stream: usize,
}

/// Follows references (at most 16 hops).
pub fn deref<'a>(ctx: &Ctx<'a>, mut o: &'a Object) -> Option<&'a Object> {
    for _ in 0..16 {
        match o {
            Object::Reference(id) => o = ctx.doc.objects.get(id)?,
            other => return Some(other),
        }
    }
    None
}

/// A name's text.
pub fn name(ctx: &Ctx, o: Option<&Object>) -> Option<String> {
    match deref(ctx, o?)? {
        Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

/// A number (integer or real).
pub fn number(ctx: &Ctx, o: Option<&Object>) -> Option<f32> {
    match deref(ctx, o?)? {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// A string's bytes read as Latin-1 text (or a name's text).
pub fn string(ctx: &Ctx, o: Option<&Object>) -> Option<String> {
    match deref(ctx, o?)? {
        Object::String(s, _) => Some(s.iter().map(|b| char::from(*b)).collect()),
        Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

/// An array.
pub fn array<'a>(ctx: &Ctx<'a>, o: Option<&'a Object>) -> Option<&'a Vec<Object>> {
    match deref(ctx, o?)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// A dictionary (or a stream's dictionary).
pub fn dict<'a>(ctx: &Ctx<'a>, o: Option<&'a Object>) -> Option<&'a Dictionary> {
    match deref(ctx, o?)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// Filters we decode; anything else (images: DCT, JPX, JBIG2, CCITT) is never decoded.
const TEXT_FILTERS: [&[u8]; 10] = [
    b"FlateDecode",
    b"Fl",
    b"LZWDecode",
    b"LZW",
    b"ASCII85Decode",
    b"A85",
    b"ASCIIHexDecode",
    b"AHx",
    b"RunLengthDecode",
    b"RL",
];

/// A stream's decoded bytes, bounded by the limit; `None` for image filters or errors.
pub fn stream_bytes(ctx: &Ctx, o: Option<&Object>) -> Option<Vec<u8>> {
    decoded(ctx, o).map(|d| d.bytes)
}

/// Decoded stream bytes, and whether they are only what came before the data broke.
pub struct Decoded {
    pub bytes: Vec<u8>,
    pub damaged: bool,
}

/// Like [`stream_bytes`], saying whether the stream was cut short by damaged data.
pub fn decoded(ctx: &Ctx, o: Option<&Object>) -> Option<Decoded> {
    let whole = |bytes| Decoded {
        bytes,
        damaged: false,
    };
    let Object::Stream(s) = deref(ctx, o?)? else {
        return None;
    };
    let filters: Vec<Vec<u8>> = match s.dict.get(b"Filter").ok().and_then(|f| deref(ctx, f)) {
        None => Vec::new(),
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|f| match deref(ctx, f) {
                Some(Object::Name(n)) => Some(n.clone()),
                _ => None,
            })
            .collect(),
        Some(_) => return None,
    };
    if filters
        .iter()
        .any(|f| !TEXT_FILTERS.contains(&f.as_slice()))
    {
        return None;
    }
    if filters.is_empty() {
        return (s.content.len() <= ctx.max_stream).then(|| whole(s.content.clone()));
    }
    let plain_flate = matches!(filters.as_slice(), [f] if f == b"FlateDecode" || f == b"Fl")
        && s.dict.get(b"DecodeParms").is_err();
    if plain_flate {
        match inflate(&s.content, ctx.max_stream) {
            Inflated::Whole(bytes) => return Some(whole(bytes)),
            Inflated::Prefix(bytes) => {
                return Some(Decoded {
                    bytes,
                    damaged: true,
                })
            }
            Inflated::OverLimit => return None,
            // No zlib header, say: lopdf retries as raw deflate.
            Inflated::Nothing => {}
        }
    }
    s.decompressed_content_with_limit(ctx.max_stream)
        .ok()
        .map(whole)
}

enum Inflated {
    Whole(Vec<u8>),
    /// What decoded before the data broke.
    Prefix(Vec<u8>),
    OverLimit,
    Nothing,
}

/// Zlib decoding that stops where the data breaks, as zlib and poppler do. The decoder
/// behind lopdf keeps going after a back-reference past the start of the output and
/// turns the rest of a damaged content stream into operator soup ("(.EXE)]TJ0 37.4")
/// that then reads as text.
fn inflate(data: &[u8], limit: usize) -> Inflated {
    use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};
    match decompress_to_vec_zlib_with_limit(data, limit) {
        Ok(bytes) => Inflated::Whole(bytes),
        Err(e) if e.status == TINFLStatus::HasMoreOutput => Inflated::OverLimit,
        Err(e) => {
            // The error's buffer is the output so far plus zeroed room.
            let mut bytes = e.output;
            let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
            bytes.truncate(end);
            match (e.status, bytes.is_empty()) {
                (_, true) => Inflated::Nothing,
                // A wrong checksum after complete data (common in encrypted files).
                (TINFLStatus::Adler32Mismatch, false) => Inflated::Whole(bytes),
                (_, false) => Inflated::Prefix(bytes),
            }
        }
    }
}
