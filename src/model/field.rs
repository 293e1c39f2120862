//! Addresses of places in a plan (and in its result), printed the way
//! MODEL.md writes problem paths: `donors[1].taper.end`,
//! `macro.overrides.real_growth_pct.3`.
//!
//! Controls, edits, problems and scenario changes all use `Field`. Code
//! builds plan addresses only through the typed accessors that `shape!`
//! derives from the plan's one definition (`root().donors().at(1).taper()`),
//! so an address of a field that does not exist does not compile; text
//! (a scenario's change key) becomes a `Field` only through `Field::parse`,
//! which checks it against that definition.

use std::fmt;
use std::marker::PhantomData;

use super::shape::{Shape, Tagged};

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seg {
    /// A field of an object, by its name in the file.
    Key(&'static str),
    /// An item of a list: `[i]`.
    Index(usize),
    /// A plan-year key of a year map: `.3`.
    Year(u32),
    /// A key the plan's definition does not know (an unknown or misspelt
    /// field, a malformed year key), kept as written so a problem can say where.
    Other(Box<str>),
}

/// A path from the root of a plan (or of a result). The root itself prints
/// as `plan`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Field(Vec<Seg>);

impl Field {
    /// The whole plan.
    pub fn root() -> Field {
        Field(Vec::new())
    }

    pub fn segs(&self) -> &[Seg] {
        &self.0
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    fn with(&self, seg: Seg) -> Field {
        let mut segs = Vec::with_capacity(self.0.len() + 1);
        segs.extend_from_slice(&self.0);
        segs.push(seg);
        Field(segs)
    }

    /// The field `name` of this object.
    pub fn key(&self, name: &'static str) -> Field {
        self.with(Seg::Key(name))
    }

    /// Item `i` of this list.
    pub fn index(&self, i: usize) -> Field {
        self.with(Seg::Index(i))
    }

    /// The value for plan year `t` of this year map.
    pub fn year(&self, t: u32) -> Field {
        self.with(Seg::Year(t))
    }

    /// A key the plan's definition does not know, as written.
    pub fn other(&self, name: &str) -> Field {
        self.with(Seg::Other(name.into()))
    }

    /// This path with `prefix` in front (a scenario's problems are its
    /// plan's problems under `scenarios[i]`).
    pub fn under(&self, prefix: &Field) -> Field {
        let mut segs = prefix.0.clone();
        segs.extend_from_slice(&self.0);
        Field(segs)
    }

    /// Whether `self` is `other` or lies inside it.
    pub fn starts_with(&self, other: &Field) -> bool {
        self.0.starts_with(&other.0)
    }

    /// The path without its last step (the item a `name` belongs to).
    pub fn parent(&self) -> Field {
        Field(self.0[..self.0.len().saturating_sub(1)].to_vec())
    }

    /// The path without its first `n` steps.
    pub fn skip(&self, n: usize) -> Field {
        Field(self.0.get(n..).unwrap_or_default().to_vec())
    }

    /// The last step's key, if it is a named field.
    pub fn last_key(&self) -> Option<&'static str> {
        match self.0.last() {
            Some(Seg::Key(k)) => Some(k),
            _ => None,
        }
    }

    /// Mutable access to the list index at step `n`, for keeping addresses
    /// pointed at the same item when a list is reordered.
    pub fn index_at_mut(&mut self, n: usize) -> Option<&mut usize> {
        match self.0.get_mut(n) {
            Some(Seg::Index(i)) => Some(i),
            _ => None,
        }
    }

    /// Parses a MODEL.md path (`donors[0].taper.end`) against the plan's
    /// definition `shape`: each key must be a field the place may have
    /// (for `version`), each index a plain number (no sign or leading zero).
    pub fn parse(text: &str, shape: &'static Shape, version: u32) -> Result<Field, PathError> {
        let raw = split(text).ok_or(PathError::Syntax)?;
        let mut shape = shape;
        let mut segs = Vec::with_capacity(raw.len());
        for step in raw {
            let here = Field(segs.clone());
            let next = match (shape, step) {
                (Shape::Object(fields), Raw::Key(k)) => fields
                    .iter()
                    .find(|f| f.name == k && f.since <= version)
                    .map(|f| (Seg::Key(f.name), (f.shape)())),
                (Shape::Tagged(t), Raw::Key(k)) => tagged_field(t, k, version),
                (Shape::List(item), Raw::Index(i)) => Some((Seg::Index(i), item())),
                (Shape::YearMap, Raw::Key(k)) => {
                    super::plan::whole::key(k).map(|t| (Seg::Year(t), &Shape::Number))
                }
                (Shape::Pair, Raw::Key("pct")) => Some((Seg::Key("pct"), &Shape::Number)),
                _ => None,
            };
            let Some((seg, inner)) = next else {
                return Err(PathError::NoSuchField { at: here });
            };
            segs.push(seg);
            shape = inner;
        }
        Ok(Field(segs))
    }
}

fn tagged_field(t: &'static Tagged, key: &str, version: u32) -> Option<(Seg, &'static Shape)> {
    if key == t.tag {
        return Some((Seg::Key(t.tag), &Shape::Text));
    }
    t.variants
        .iter()
        .flat_map(|v| v.fields.iter())
        .find(|f| f.name == key && f.since <= version)
        .map(|f| (Seg::Key(f.name), (f.shape)()))
}

/// Why a text is not a path of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// Not written as `a.b[2].c`.
    Syntax,
    /// The path leaves the plan's definition after `at`.
    NoSuchField { at: Field },
}

enum Raw<'a> {
    Key(&'a str),
    Index(usize),
}

/// `a.b[2].c` → Key(a) Key(b) Index(2) Key(c); None when malformed.
fn split(text: &str) -> Option<Vec<Raw<'_>>> {
    let mut out = Vec::new();
    for part in text.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if name.is_empty() {
            return None;
        }
        out.push(Raw::Key(name));
        while let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']')?;
            let digits = &r[..close];
            let canonical = !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits == "0" || !digits.starts_with('0'));
            if !canonical {
                return None;
            }
            out.push(Raw::Index(digits.parse().ok()?));
            rest = &r[close + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("plan");
        }
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if n == 0 => f.write_str(k)?,
                Seg::Other(k) if n == 0 => f.write_str(k)?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Other(k) => write!(f, ".{k}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
                Seg::Year(t) => write!(f, ".{t}")?,
            }
        }
        Ok(())
    }
}

/// A typed address: what `shape!` gives for each kind of node, so that the
/// next step can only name what the node has.
pub trait At: Clone + PartialEq {
    fn from_field(field: Field) -> Self;
    fn field(&self) -> &Field;
}

/// A leaf (a number, a text, a flag) is addressed by its `Field`.
impl At for Field {
    fn from_field(field: Field) -> Self {
        field
    }
    fn field(&self) -> &Field {
        self
    }
}

/// A list: `.at(i)` names an item; `.field()` the whole list.
#[derive(Clone, Debug, PartialEq)]
pub struct ListAt<A>(Field, PhantomData<A>);

impl<A: At> At for ListAt<A> {
    fn from_field(field: Field) -> Self {
        ListAt(field, PhantomData)
    }
    fn field(&self) -> &Field {
        &self.0
    }
}

impl<A> fmt::Display for ListAt<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<A: At> ListAt<A> {
    pub fn at(&self, i: usize) -> A {
        A::from_field(self.0.index(i))
    }
}

/// A map from plan years to numbers (the macro overrides).
#[derive(Clone, Debug, PartialEq)]
pub struct YearMapAt(Field);

impl At for YearMapAt {
    fn from_field(field: Field) -> Self {
        YearMapAt(field)
    }
    fn field(&self) -> &Field {
        &self.0
    }
}

impl YearMapAt {
    pub fn year(&self, t: u32) -> Field {
        self.0.year(t)
    }
}

/// A `[plan year, percent]` step point: the point's own path is its plan
/// year (as MODEL.md's problems name it), `.pct` its percentage.
#[derive(Clone, Debug, PartialEq)]
pub struct PairAt(Field);

impl At for PairAt {
    fn from_field(field: Field) -> Self {
        PairAt(field)
    }
    fn field(&self) -> &Field {
        &self.0
    }
}

impl PairAt {
    pub fn year(&self) -> Field {
        self.0.clone()
    }
    pub fn pct(&self) -> Field {
        self.0.key("pct")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_as_model_md_writes_them() {
        let f = Field::root().key("donors").index(1).key("taper").key("end");
        assert_eq!(f.to_string(), "donors[1].taper.end");
        let o = Field::root()
            .key("macro")
            .key("overrides")
            .key("real_growth_pct")
            .year(3);
        assert_eq!(o.to_string(), "macro.overrides.real_growth_pct.3");
        assert_eq!(Field::root().to_string(), "plan");
        assert_eq!(Field::root().other("bouyancy").to_string(), "bouyancy");
    }

    #[test]
    fn typed_addresses_give_their_own_field_and_print_as_it() {
        let plan = crate::model::plan::root();
        // A leaf is its own field; a list prints as its path.
        let leaf = plan.meta().horizon_years();
        assert_eq!(
            At::field(&leaf),
            &Field::root().key("meta").key("horizon_years")
        );
        let donors = plan.donors();
        assert_eq!(donors.to_string(), "donors");
        assert_eq!(donors.at(2).field().to_string(), "donors[2]");
        // A step point's own path is its plan year's.
        let point = donors.at(0).taper().steps().points().at(1);
        assert_eq!(point.field().to_string(), "donors[0].taper.points[1]");
        assert_eq!(point.year(), *point.field());
    }

    #[test]
    fn malformed_paths_do_not_split() {
        for bad in [
            "", ".a", "a.", "a..b", "a[01]", "a[-1]", "a[1", "a[x]", "a[1]b", "[0]",
        ] {
            assert!(split(bad).is_none(), "{bad:?}");
        }
        assert!(split("a[0][1].b").is_some());
    }
}
