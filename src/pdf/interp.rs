//! The content-stream interpreter: graphics state (CTM, q/Q), text state (Tm, Tlm, Tf,
//! Tc, Tw, Tz, TL, Ts, Tr), text-showing operators and Form XObjects, producing glyphs
//! with positions. Budgets (operators, glyphs, nesting, deadline) are checked inside the
//! loop.

use super::font::{Code, Font};
use super::lexer::{Lexer, Operand};
use super::obj::{self, Ctx};
use super::{FontInfo, Glyph, Rule};
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

/// A 2-D affine matrix [a b c d e f].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix(pub [f32; 6]);

impl Matrix {
    /// The identity.
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// self × other (apply self first, then other).
    pub fn mul(&self, o: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = o.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// Applies the matrix to a point.
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn from_operands(ops: &[Operand]) -> Option<Matrix> {
        if ops.len() < 6 {
            return None;
        }
        let mut m = [0f32; 6];
        for (slot, op) in m.iter_mut().zip(ops.iter().skip(ops.len() - 6)) {
            *slot = op.num()?;
        }
        Some(Matrix(m))
    }

    fn from_array(ctx: &Ctx, a: &[Object]) -> Option<Matrix> {
        if a.len() != 6 {
            return None;
        }
        let mut m = [0f32; 6];
        for (slot, o) in m.iter_mut().zip(a) {
            *slot = obj::number(ctx, Some(o))?;
        }
        Some(Matrix(m))
    }
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<(Arc<Font>, u16)>,
    size: f32,
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    rise: f32,
    render: u8,
}

/// Most straight pieces kept in one path, and rules on one page.
const MAX_PATH: usize = 4096;
const MAX_RULES: usize = 20_000;

/// A rule between two points, ends ordered.
fn rule(a: (f32, f32), b: (f32, f32)) -> Rule {
    Rule {
        x0: a.0.min(b.0),
        y0: a.1.min(b.1),
        x1: a.0.max(b.0),
        y1: a.1.max(b.1),
    }
}

/// Why interpretation stopped early.
#[derive(Debug)]
pub enum Stop {
    /// The wall-clock deadline passed.
    Deadline,
    /// Too many operators.
    Ops,
}

/// The per-document font cache and the state of one page's interpretation.
pub struct Interp<'a, 'c> {
    ctx: &'c Ctx<'a>,
    fonts: &'c mut HashMap<ObjectId, Arc<Font>>,
    /// Fonts used on this page, indexed by `Glyph::font`.
    pub font_infos: Vec<FontInfo>,
    font_index: HashMap<usize, u16>,
    /// Glyphs produced.
    pub glyphs: Vec<Glyph>,
    /// Horizontal and vertical lines painted.
    pub rules: Vec<Rule>,
    /// The path under construction: its straight axis-aligned pieces (each marked if it
    /// stands for a thin filled rectangle), the current point and the subpath's start.
    path: Vec<(Rule, bool)>,
    point: (f32, f32),
    subpath: (f32, f32),
    /// Images drawn (`Do` on image XObjects, inline images).
    pub images: usize,
    /// Glyphs that could not be mapped to Unicode.
    pub undecodable: usize,
    /// Non-fatal problems.
    pub warnings: Vec<String>,
    ops: usize,
    max_ops: usize,
    max_glyphs: usize,
    max_depth: usize,
    deadline: Instant,
    seq: u32,
    codes: Vec<Code>,
    /// Open marked-content spans: their /ActualText and whether it was emitted.
    actual: Vec<Option<(String, bool)>>,
}

impl<'a, 'c> Interp<'a, 'c> {
    /// A new interpreter for one page.
    pub fn new(
        ctx: &'c Ctx<'a>,
        fonts: &'c mut HashMap<ObjectId, Arc<Font>>,
        limits: &super::Limits,
        deadline: Instant,
    ) -> Self {
        Interp {
            ctx,
            fonts,
            font_infos: Vec::new(),
            font_index: HashMap::new(),
            glyphs: Vec::new(),
            rules: Vec::new(),
            path: Vec::new(),
            point: (0.0, 0.0),
            subpath: (0.0, 0.0),
            images: 0,
            undecodable: 0,
            warnings: Vec::new(),
            ops: 0,
            max_ops: limits.max_ops_per_page,
            max_glyphs: limits.max_glyphs_per_page,
            max_depth: limits.max_form_depth,
            deadline,
            seq: 0,
            codes: Vec::new(),
            actual: Vec::new(),
        }
    }

    /// Interprets a content stream with the given resources and base matrix.
    pub fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        base: Matrix,
        depth: usize,
        stack: &mut Vec<ObjectId>,
    ) -> Result<(), Stop> {
        let mut gs = GState {
            ctm: base,
            font: None,
            size: 0.0,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            tl: 0.0,
            rise: 0.0,
            render: 0,
        };
        let mut saved: Vec<GState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut artifact_depth: Vec<bool> = Vec::new();
        let mut lexer = Lexer::new(content);
        let mut operands = Vec::new();
        while let Some(op) = lexer.next_op(&mut operands) {
            self.ops += 1;
            if self.ops > self.max_ops {
                return Err(Stop::Ops);
            }
            if self.ops.is_multiple_of(512) && Instant::now() > self.deadline {
                return Err(Stop::Deadline);
            }
            let artifact = artifact_depth.iter().any(|a| *a);
            match op.as_slice() {
                b"q" if saved.len() < 256 => saved.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = saved.pop() {
                        gs = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = Matrix::from_operands(&operands) {
                        gs.ctm = m.mul(&gs.ctm);
                    }
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"Tf" => {
                    if let (Some(Operand::Name(n)), Some(size)) =
                        (operands.first(), operands.get(1).and_then(Operand::num))
                    {
                        gs.size = size;
                        gs.font = Some(self.font(resources, n));
                    }
                }
                b"Tc" => gs.tc = num(&operands, 0).unwrap_or(gs.tc),
                b"Tw" => gs.tw = num(&operands, 0).unwrap_or(gs.tw),
                b"Tz" => gs.th = num(&operands, 0).map(|v| v / 100.0).unwrap_or(gs.th),
                b"TL" => gs.tl = num(&operands, 0).unwrap_or(gs.tl),
                b"Ts" => gs.rise = num(&operands, 0).unwrap_or(gs.rise),
                b"Tr" => gs.render = num(&operands, 0).unwrap_or(0.0).clamp(0.0, 7.0) as u8,
                b"Td" | b"TD" => {
                    if let (Some(tx), Some(ty)) = (num(&operands, 0), num(&operands, 1)) {
                        if op == b"TD" {
                            gs.tl = -ty;
                        }
                        tlm = Matrix::translate(tx, ty).mul(&tlm);
                        tm = tlm;
                    }
                }
                b"Tm" => {
                    if let Some(m) = Matrix::from_operands(&operands) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = Matrix::translate(0.0, -gs.tl).mul(&tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op == b"\"" {
                        gs.tw = num(&operands, 0).unwrap_or(gs.tw);
                        gs.tc = num(&operands, 1).unwrap_or(gs.tc);
                    }
                    if op != b"Tj" {
                        tlm = Matrix::translate(0.0, -gs.tl).mul(&tlm);
                        tm = tlm;
                    }
                    if let Some(Operand::Str(s)) = operands.last() {
                        let s = s.clone();
                        self.show(&gs, &mut tm, &s, artifact)?;
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = operands.first() {
                        let items = items.clone();
                        for item in &items {
                            match item {
                                Operand::Str(s) => self.show(&gs, &mut tm, s, artifact)?,
                                Operand::Num(n) => {
                                    let tx = -n / 1000.0 * gs.size * gs.th;
                                    tm = Matrix::translate(tx, 0.0).mul(&tm);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(n)) = operands.first() {
                        let n = n.clone();
                        self.xobject(resources, &n, &gs, depth, stack)?;
                    }
                }
                b"m" => {
                    if let (Some(x), Some(y)) = (num(&operands, 0), num(&operands, 1)) {
                        self.point = gs.ctm.apply(x, y);
                        self.subpath = self.point;
                    }
                }
                b"l" => {
                    if let (Some(x), Some(y)) = (num(&operands, 0), num(&operands, 1)) {
                        let to = gs.ctm.apply(x, y);
                        self.segment(self.point, to);
                        self.point = to;
                    }
                }
                b"c" | b"v" | b"y" if operands.len() >= 4 => {
                    let n = operands.len();
                    if let (Some(x), Some(y)) = (num(&operands, n - 2), num(&operands, n - 1)) {
                        self.point = gs.ctm.apply(x, y);
                    }
                }
                b"h" => self.segment(self.point, self.subpath),
                b"re" => {
                    if let (Some(x), Some(y), Some(w), Some(h)) = (
                        num(&operands, 0),
                        num(&operands, 1),
                        num(&operands, 2),
                        num(&operands, 3),
                    ) {
                        self.rect(&gs.ctm, x, y, w, h);
                    }
                }
                b"S" | b"s" | b"B" | b"B*" | b"b" | b"b*" => {
                    if matches!(op.as_slice(), b"s" | b"b" | b"b*") {
                        self.segment(self.point, self.subpath);
                    }
                    self.paint(false);
                }
                b"f" | b"F" | b"f*" => self.paint(true),
                b"n" => self.path.clear(),
                b"BI" => self.images += 1,
                b"BMC" | b"BDC" => {
                    let is_art =
                        matches!(operands.first(), Some(Operand::Name(n)) if n == b"Artifact");
                    let actual = operands.get(1).and_then(actual_text);
                    if artifact_depth.len() < 256 {
                        artifact_depth.push(is_art);
                        self.actual.push(actual.map(|t| (t, false)));
                    }
                }
                b"EMC" => {
                    artifact_depth.pop();
                    self.actual.pop();
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> (Arc<Font>, u16) {
        let ctx = self.ctx;
        let entry = resources
            .and_then(|r| obj::dict(ctx, r.get(b"Font").ok()))
            .and_then(|fonts| fonts.get(name).ok());
        let id = match entry {
            Some(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let font = match id.and_then(|id| self.fonts.get(&id)) {
            Some(f) => f.clone(),
            None => {
                let f = match obj::dict(ctx, entry) {
                    Some(d) => Arc::new(Font::load(ctx, d)),
                    None => {
                        self.warnings
                            .push(format!("font /{} not found", String::from_utf8_lossy(name)));
                        Arc::new(Font::fallback())
                    }
                };
                if let Some(id) = id {
                    self.fonts.insert(id, f.clone());
                }
                f
            }
        };
        let key = Arc::as_ptr(&font) as usize;
        let idx = match self.font_index.get(&key) {
            Some(i) => *i,
            None => {
                let i = self.font_infos.len().min(u16::MAX as usize) as u16;
                self.font_infos.push(FontInfo {
                    name: font.name.clone(),
                    mono: font.mono,
                    bold: font.bold,
                    symbol: font.symbol,
                });
                self.font_index.insert(key, i);
                i
            }
        };
        (font, idx)
    }

    /// Adds a straight piece of path if it runs horizontally or vertically.
    fn segment(&mut self, a: (f32, f32), b: (f32, f32)) {
        let (dx, dy) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
        if self.path.len() < MAX_PATH && (dx < 0.5 || dy < 0.5) && dx.max(dy) >= 1.0 {
            self.path.push((rule(a, b), false));
        }
    }

    /// A rectangle: a thin one is one line (drawn by filling, as Word draws borders);
    /// a larger one adds its four edges (they count only if stroked).
    fn rect(&mut self, ctm: &Matrix, x: f32, y: f32, w: f32, h: f32) {
        let a = ctm.apply(x, y);
        let c = ctm.apply(x + w, y + h);
        let b = ctm.apply(x + w, y);
        self.point = a;
        self.subpath = a;
        let axis = (a.0 - b.0).abs() < 0.5 || (a.1 - b.1).abs() < 0.5;
        if !axis || self.path.len() + 4 > MAX_PATH {
            return;
        }
        let r = rule(a, c);
        let (rw, rh) = (r.x1 - r.x0, r.y1 - r.y0);
        if rh <= 2.0 && rw >= 1.0 {
            let y = (r.y0 + r.y1) / 2.0;
            self.path.push((rule((r.x0, y), (r.x1, y)), true));
        } else if rw <= 2.0 && rh >= 1.0 {
            let x = (r.x0 + r.x1) / 2.0;
            self.path.push((rule((x, r.y0), (x, r.y1)), true));
        } else if rw > 2.0 && rh > 2.0 {
            let corners = [(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1)];
            for (i, p) in corners.iter().enumerate() {
                self.path.push((rule(*p, corners[(i + 1) % 4]), false));
            }
        }
    }

    /// Paints the path: stroking keeps every piece, filling only thin rectangles.
    fn paint(&mut self, fill_only: bool) {
        for (r, thin) in self.path.drain(..) {
            if (thin || !fill_only) && self.rules.len() < MAX_RULES {
                self.rules.push(r);
            }
        }
    }

    fn show(&mut self, gs: &GState, tm: &mut Matrix, s: &[u8], artifact: bool) -> Result<(), Stop> {
        let Some((font, font_idx)) = gs.font.clone() else {
            return Ok(());
        };
        let mut codes = std::mem::take(&mut self.codes);
        font.decode(s, &mut codes);
        for code in &codes {
            let w0 = code.width;
            let is_space = code.len == 1 && code.code == 32;
            let trm = Matrix([
                gs.size * gs.th,
                0.0,
                0.0,
                gs.size * font.vscale,
                0.0,
                gs.rise,
            ])
            .mul(tm)
            .mul(&gs.ctm);
            let [a, b, c, d, e, f] = trm.0;
            let hlen = (a * a + b * b).sqrt();
            let vsize = (c * c + d * d).sqrt();
            if self.glyphs.len() < self.max_glyphs && hlen.is_finite() && vsize.is_finite() {
                // Vertical writing: the column runs a quarter turn clockwise from the
                // glyphs' own baseline; each glyph takes one em along it.
                let (dir, width) = if font.vertical {
                    ((direction(a, b) + 3) % 4, vsize)
                } else {
                    (direction(a, b), w0 * hlen)
                };
                let (x, y) = to_frame(dir, e, f);
                // /ActualText replaces the glyphs of its span: the first glyph carries
                // it, the others carry nothing.
                let replaced = match self.actual.iter_mut().rev().flatten().next() {
                    Some((t, used)) => {
                        let t = if *used { String::new() } else { t.clone() };
                        *used = true;
                        Some(t)
                    }
                    None => None,
                };
                let mut text = replaced.clone().unwrap_or_else(|| code.text.clone());
                if text.is_empty() && replaced.is_none() {
                    self.undecodable += 1;
                }
                if text.chars().any(|c| c.is_control() && c != '\u{AD}') {
                    text = text
                        .chars()
                        .map(|c| if c.is_control() { ' ' } else { c })
                        .collect();
                }
                self.glyphs.push(Glyph {
                    space: !text.is_empty() && text.chars().all(char::is_whitespace),
                    text,
                    x0: x,
                    x1: x + width,
                    y,
                    size: vsize,
                    dir,
                    font: font_idx,
                    invisible: gs.render == 3 || gs.render == 7,
                    artifact,
                    seq: self.seq,
                });
                self.seq = self.seq.wrapping_add(1);
            }
            let tw = if is_space { gs.tw } else { 0.0 };
            if font.vertical {
                let ty = -gs.size + gs.tc + tw;
                *tm = Matrix::translate(0.0, ty).mul(tm);
            } else {
                let tx = (w0 * gs.size + gs.tc + tw) * gs.th;
                *tm = Matrix::translate(tx, 0.0).mul(tm);
            }
        }
        self.codes = codes;
        Ok(())
    }

    fn xobject(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
        gs: &GState,
        depth: usize,
        stack: &mut Vec<ObjectId>,
    ) -> Result<(), Stop> {
        let ctx = self.ctx;
        let Some(entry) = resources
            .and_then(|r| obj::dict(ctx, r.get(b"XObject").ok()))
            .and_then(|x| x.get(name).ok())
        else {
            return Ok(());
        };
        let Some(Object::Stream(stream)) = obj::deref(ctx, entry) else {
            return Ok(());
        };
        match obj::name(ctx, stream.dict.get(b"Subtype").ok()).as_deref() {
            Some("Form") => {}
            Some("Image") => {
                self.images += 1;
                return Ok(());
            }
            _ => return Ok(()),
        }
        let id = match entry {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        if depth >= self.max_depth || id.is_some_and(|id| stack.contains(&id)) {
            self.warnings
                .push("form XObject nesting too deep or cyclic".into());
            return Ok(());
        }
        let Some(data) = obj::stream_bytes(ctx, Some(entry)) else {
            return Ok(());
        };
        let matrix = obj::array(ctx, stream.dict.get(b"Matrix").ok())
            .and_then(|a| Matrix::from_array(ctx, a))
            .unwrap_or(Matrix::IDENTITY);
        let res = obj::dict(ctx, stream.dict.get(b"Resources").ok()).or(resources);
        if let Some(id) = id {
            stack.push(id);
        }
        let r = self.run(&data, res, matrix.mul(&gs.ctm), depth + 1, stack);
        if id.is_some() {
            stack.pop();
        }
        r
    }
}

/// The /ActualText of a marked-content property dictionary, decoded.
fn actual_text(props: &Operand) -> Option<String> {
    let Operand::Dict(entries) = props else {
        return None;
    };
    let (_, v) = entries.iter().find(|(k, _)| k == b"ActualText")?;
    let Operand::Str(bytes) = v else { return None };
    Some(super::text_string(bytes))
}

fn num(ops: &[Operand], i: usize) -> Option<f32> {
    ops.get(i).and_then(Operand::num)
}

/// Text direction in quarter turns from the glyph's baseline vector.
fn direction(a: f32, b: f32) -> u8 {
    if a.abs() >= b.abs() {
        if a >= 0.0 {
            0
        } else {
            2
        }
    } else if b > 0.0 {
        1
    } else {
        3
    }
}

/// Rotates a point into the frame where text of direction `dir` runs left to right.
pub fn to_frame(dir: u8, x: f32, y: f32) -> (f32, f32) {
    match dir {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_product_applies_left_first() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        assert_eq!(scale.mul(&shift).apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(shift.mul(&scale).apply(1.0, 1.0), (22.0, 12.0));
    }

    #[test]
    fn directions() {
        assert_eq!(direction(1.0, 0.0), 0);
        assert_eq!(direction(0.0, 1.0), 1);
        assert_eq!(direction(-1.0, 0.0), 2);
        assert_eq!(direction(0.0, -1.0), 3);
    }
}
