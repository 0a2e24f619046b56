//! A lenient content-stream tokenizer: operands and operators, never failing. Bytes it
//! cannot read are skipped, so one bad operator costs that operator, not the page.
//! Inline images (`BI … ID … EI`) are stepped over without decoding.

/// One operand of a content-stream operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// A number.
    Num(f32),
    /// A name, without the slash.
    Name(Vec<u8>),
    /// A string (literal or hex), as bytes.
    Str(Vec<u8>),
    /// An array.
    Array(Vec<Operand>),
    /// An inline dictionary (marked-content properties), keys without the slash.
    Dict(Vec<(Vec<u8>, Operand)>),
    /// Anything else (booleans, null): kept only as a placeholder.
    Other,
}

impl Operand {
    /// The number, if this is one.
    pub fn num(&self) -> Option<f32> {
        match self {
            Operand::Num(n) => Some(*n),
            _ => None,
        }
    }
}

/// Maximum nesting of arrays and dictionaries inside one operand.
const MAX_NESTING: usize = 32;

/// Tokenizer over a content stream.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl<'a> Lexer<'a> {
    /// A tokenizer at the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_white(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Reads the next operator, filling `operands`; `None` at the end of the stream.
    pub fn next_op(&mut self, operands: &mut Vec<Operand>) -> Option<Vec<u8>> {
        operands.clear();
        loop {
            self.skip_white();
            let b = self.peek()?;
            if is_delim(b) || b == b'+' || b == b'-' || b == b'.' || b.is_ascii_digit() {
                if let Some(op) = self.operand(0) {
                    if operands.len() < 64 {
                        operands.push(op);
                    }
                }
                continue;
            }
            let start = self.pos;
            while let Some(c) = self.peek() {
                if is_white(c) || is_delim(c) {
                    break;
                }
                self.pos += 1;
            }
            let word = self.data.get(start..self.pos).unwrap_or_default().to_vec();
            match word.as_slice() {
                b"true" | b"false" | b"null" => {
                    operands.push(Operand::Other);
                    continue;
                }
                b"ID" => {
                    self.skip_inline_image();
                    operands.clear();
                    continue;
                }
                _ => return Some(word),
            }
        }
    }

    fn skip_inline_image(&mut self) {
        // Data starts after one whitespace byte and ends at "EI" between whitespace.
        self.pos += 1;
        while self.pos + 1 < self.data.len() {
            if self.data.get(self.pos) == Some(&b'E')
                && self.data.get(self.pos + 1) == Some(&b'I')
                && self.pos > 0
                && self.data.get(self.pos - 1).is_some_and(|c| is_white(*c))
                && self.data.get(self.pos + 2).is_none_or(|c| is_white(*c))
            {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = self.data.len();
    }

    fn operand(&mut self, depth: usize) -> Option<Operand> {
        self.skip_white();
        let b = self.peek()?;
        match b {
            b'/' => {
                self.pos += 1;
                let start = self.pos;
                while let Some(c) = self.peek() {
                    if is_white(c) || is_delim(c) {
                        break;
                    }
                    self.pos += 1;
                }
                Some(Operand::Name(
                    self.data.get(start..self.pos).unwrap_or_default().to_vec(),
                ))
            }
            b'(' => Some(Operand::Str(self.literal())),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                if depth >= MAX_NESTING {
                    self.skip_dict(depth);
                    return Some(Operand::Other);
                }
                Some(self.dict(depth))
            }
            b'<' => Some(Operand::Str(self.hex())),
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.peek() {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(c)
                            if depth < MAX_NESTING
                                && (is_delim(c)
                                    || c == b'+'
                                    || c == b'-'
                                    || c == b'.'
                                    || c.is_ascii_digit()) =>
                        {
                            if c == b')' || c == b'>' || c == b'}' {
                                self.pos += 1;
                                continue;
                            }
                            if let Some(op) = self.operand(depth + 1) {
                                items.push(op);
                            }
                        }
                        Some(_) => {
                            // A keyword inside an array: malformed; skip the word.
                            while let Some(c) = self.peek() {
                                if is_white(c) || is_delim(c) {
                                    break;
                                }
                                self.pos += 1;
                            }
                            if depth >= MAX_NESTING {
                                self.pos += 1;
                            }
                        }
                    }
                }
                Some(Operand::Array(items))
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let start = self.pos;
                self.pos += 1;
                while let Some(c) = self.peek() {
                    if c.is_ascii_digit() || c == b'.' || c == b'-' || c == b'+' {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                let s = std::str::from_utf8(self.data.get(start..self.pos).unwrap_or_default())
                    .unwrap_or("0");
                Some(Operand::Num(parse_num(s)))
            }
            _ => {
                // ')', '>', ']', '{', '}': stray delimiter; skip it.
                self.pos += 1;
                None
            }
        }
    }

    fn dict(&mut self, depth: usize) -> Operand {
        let mut entries = Vec::new();
        loop {
            self.skip_white();
            match self.peek() {
                None => break,
                Some(b'>') => {
                    self.pos += 1;
                    if self.peek() == Some(b'>') {
                        self.pos += 1;
                    }
                    break;
                }
                Some(_) => {
                    let before = self.pos;
                    let key = self.operand(depth + 1);
                    let Some(Operand::Name(k)) = key else {
                        if self.pos == before {
                            self.pos += 1;
                        }
                        continue;
                    };
                    self.skip_white();
                    if matches!(self.peek(), Some(b'>') | None) {
                        continue;
                    }
                    if self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                        // true/false/null or a stray keyword.
                        while self.peek().is_some_and(|c| !is_white(c) && !is_delim(c)) {
                            self.pos += 1;
                        }
                        entries.push((k, Operand::Other));
                        continue;
                    }
                    if let Some(v) = self.operand(depth + 1) {
                        entries.push((k, v));
                    }
                }
            }
        }
        Operand::Dict(entries)
    }

    fn skip_dict(&mut self, _depth: usize) {
        let mut level = 1usize;
        while let Some(c) = self.peek() {
            if c == b'(' {
                self.literal();
                continue;
            }
            self.pos += 1;
            if c == b'<' && self.peek() == Some(b'<') {
                self.pos += 1;
                level += 1;
            } else if c == b'>' && self.peek() == Some(b'>') {
                self.pos += 1;
                level -= 1;
                if level == 0 {
                    return;
                }
            }
        }
    }

    fn literal(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    if depth == 0 {
                        return out;
                    }
                    depth -= 1;
                    out.push(c);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xFF) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut nibbles = Vec::new();
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            if let Some(v) = (c as char).to_digit(16) {
                nibbles.push(v as u8);
            }
        }
        if nibbles.len() % 2 == 1 {
            nibbles.push(0);
        }
        nibbles
            .chunks(2)
            .map(|p| match p {
                [a, b] => (a << 4) | b,
                _ => 0,
            })
            .collect()
    }
}

fn parse_num(s: &str) -> f32 {
    if let Ok(v) = s.parse::<f32>() {
        return if v.is_finite() { v } else { 0.0 };
    }
    // Malformed numbers like "--5" or "1.2.3": keep the leading valid part.
    let neg = s.starts_with('-');
    let t = s.trim_start_matches(['-', '+']);
    let mut end = 0;
    let mut dot = false;
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() {
            end = i + 1;
        } else if c == '.' && !dot {
            dot = true;
            end = i + 1;
        } else {
            break;
        }
    }
    let v = t
        .get(..end)
        .and_then(|x| x.parse::<f32>().ok())
        .unwrap_or(0.0);
    if neg {
        -v
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand>)> {
        let mut lx = Lexer::new(data);
        let mut v = Vec::new();
        let mut operands = Vec::new();
        while let Some(op) = lx.next_op(&mut operands) {
            v.push((String::from_utf8_lossy(&op).into_owned(), operands.clone()));
        }
        v
    }

    #[test]
    fn basic_text_ops() {
        let v = ops(b"BT /F1 12 Tf 1 0 0 1 72.5 700 Tm [(A)-120(b\\(c\\))]TJ <00410042> Tj ET");
        assert_eq!(v[1].0, "Tf");
        assert_eq!(
            v[1].1,
            vec![Operand::Name(b"F1".to_vec()), Operand::Num(12.0)]
        );
        assert_eq!(v[3].0, "TJ");
        assert_eq!(
            v[3].1,
            vec![Operand::Array(vec![
                Operand::Str(b"A".to_vec()),
                Operand::Num(-120.0),
                Operand::Str(b"b(c)".to_vec())
            ])]
        );
        assert_eq!(v[4].1, vec![Operand::Str(vec![0, 0x41, 0, 0x42])]);
    }

    #[test]
    fn marked_content_dict() {
        let v = ops(b"/Span<</ActualText <FEFF0061> /MCID 3>> BDC EMC");
        assert_eq!(v[0].0, "BDC");
        assert_eq!(
            v[0].1[1],
            Operand::Dict(vec![
                (
                    b"ActualText".to_vec(),
                    Operand::Str(vec![0xFE, 0xFF, 0, 0x61])
                ),
                (b"MCID".to_vec(), Operand::Num(3.0))
            ])
        );
    }

    #[test]
    fn garbage_and_inline_images_are_skipped() {
        let v = ops(b"q ) ] 1 2 --3 re BI /W 2 /H 2 ID \x00\xffEI\x01 EI Q (x) Tj");
        let names: Vec<&str> = v.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, vec!["q", "re", "BI", "Q", "Tj"]);
        assert_eq!(v[1].1[2], Operand::Num(-3.0));
    }
}
