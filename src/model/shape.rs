//! The plan file's shape, defined once. `record!` and `tagged!` declare a
//! plan type field by field (name in the file, type, whether it is
//! required, its default and whether the file leaves it out at that
//! default, the plan format version that introduced it); from that one
//! declaration come:
//! - the Rust type;
//! - its `Shape`, which the `walk` checks a JSON value against, reporting
//!   every structural problem at once (unknown fields with the nearest
//!   known name, missing required fields, values of the wrong type), and
//!   against which `Field::parse` checks a path;
//! - its reader (`Node::read`, on a value the walk accepted) and writer
//!   (`Node::write`);
//! - typed addresses (`At`): `root().donors().at(1).taper()`;
//! - access to any node by address (`Node::node`, `Node::node_mut`), for
//!   edits and scenario changes.
//!
//! `string_enum!` maps an enum to and from its file strings in one place.
//!
//! Not here: rules on values (`validate`), the arithmetic (`evaluate`).
//! A macro table rather than serde's derives: the walk must report every
//! problem at once with MODEL.md paths, which serde's first-error
//! deserialisers cannot, and serde's derived code is a large part of the
//! browser build.

use std::any::Any;
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::field::{At, Field, ListAt, PairAt, PathError, Seg, YearMapAt};
use super::plan::{whole, Changes, Plan, VERSION};
use super::problem::{Got, Problem, Rule, Want};

/// What a place in the file may hold.
#[derive(Debug)]
pub enum Shape {
    Number,
    /// A plan-year index or a count of years: whole, 0 or more.
    Whole,
    CalendarYear,
    Text,
    Bool,
    OneOf(&'static [&'static str]),
    Object(&'static [FieldInfo]),
    List(fn() -> &'static Shape),
    /// `{ "<t>": number }`.
    YearMap,
    /// `[t, pct]`.
    Pair,
    /// An object whose fields depend on its tag (a taper's `shape`).
    Tagged(&'static Tagged),
    /// A whole number 0 to 2^53 − 1 (a random seed: every such number is
    /// exact in JSON and JavaScript).
    Seed,
    /// A scenario's changes: an object whose keys are paths into the plan
    /// whose shape is given.
    Changes(fn() -> &'static Shape),
}

/// The largest seed, 2^53 − 1.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// One field of an object: its name in the file and what it holds.
#[derive(Debug)]
pub struct FieldInfo {
    pub name: &'static str,
    pub shape: fn() -> &'static Shape,
    pub required: bool,
    /// The plan format version that introduced the field; older files
    /// may not carry it.
    pub since: u32,
}

#[derive(Debug)]
pub struct Tagged {
    pub tag: &'static str,
    pub names: &'static [&'static str],
    pub variants: &'static [Variant],
}

#[derive(Debug)]
pub struct Variant {
    pub name: &'static str,
    pub fields: &'static [FieldInfo],
}

/// A node of the plan file: how it reads, writes and is addressed.
pub trait Node: Sized + Clone + PartialEq + 'static {
    /// Its typed address.
    type At: At;

    fn shape() -> &'static Shape;

    /// The typed value of `v`, which the walk has accepted against
    /// `shape()`; None only if it had not.
    fn read(v: &Value) -> Option<Self>;

    fn write(&self) -> Value;

    /// The node at `path` below this one, if there is one now.
    fn node(&self, path: &[Seg]) -> Option<&dyn Any> {
        path.is_empty().then_some(self as &dyn Any)
    }

    fn node_mut(&mut self, path: &[Seg]) -> Option<&mut dyn Any> {
        if path.is_empty() {
            Some(self)
        } else {
            None
        }
    }
}

impl Node for f64 {
    type At = Field;
    fn shape() -> &'static Shape {
        &Shape::Number
    }
    fn read(v: &Value) -> Option<Self> {
        v.as_f64()
    }
    fn write(&self) -> Value {
        // serde_json writes a non-finite number as null.
        Value::from(*self)
    }
}

impl Node for u32 {
    type At = Field;
    fn shape() -> &'static Shape {
        &Shape::Whole
    }
    fn read(v: &Value) -> Option<Self> {
        whole_u32(v)
    }
    fn write(&self) -> Value {
        Value::from(*self)
    }
}

/// A random seed, 0 to 2^53 − 1.
impl Node for u64 {
    type At = Field;
    fn shape() -> &'static Shape {
        &Shape::Seed
    }
    fn read(v: &Value) -> Option<Self> {
        let n = match v.as_u64() {
            Some(n) => n,
            None => v.as_f64().filter(|x| x.fract() == 0.0 && *x >= 0.0)? as u64,
        };
        (n <= MAX_SEED).then_some(n)
    }
    fn write(&self) -> Value {
        Value::from(*self)
    }
}

/// A scenario's changes: keys are paths of the plan's definition.
impl Node for Changes {
    type At = Field;
    fn shape() -> &'static Shape {
        const { &Shape::Changes(<Plan as Node>::shape) }
    }
    fn read(v: &Value) -> Option<Self> {
        let map = v.as_object()?;
        map.iter()
            .map(|(k, x)| Some((Field::parse(k, Plan::shape(), VERSION).ok()?, x.clone())))
            .collect::<Option<Vec<_>>>()
            .map(Changes)
    }
    fn write(&self) -> Value {
        Value::Object(
            self.0
                .iter()
                .map(|(f, x)| (f.to_string(), x.clone()))
                .collect(),
        )
    }
}

/// A calendar year (`meta.start_year`).
impl Node for i32 {
    type At = Field;
    fn shape() -> &'static Shape {
        &Shape::CalendarYear
    }
    fn read(v: &Value) -> Option<Self> {
        v.as_i64().and_then(|y| i32::try_from(y).ok())
    }
    fn write(&self) -> Value {
        Value::from(*self)
    }
}

impl Node for String {
    type At = Field;
    fn shape() -> &'static Shape {
        &Shape::Text
    }
    fn read(v: &Value) -> Option<Self> {
        v.as_str().map(str::to_string)
    }
    fn write(&self) -> Value {
        Value::String(self.clone())
    }
}

impl Node for bool {
    type At = Field;
    fn shape() -> &'static Shape {
        &Shape::Bool
    }
    fn read(v: &Value) -> Option<Self> {
        v.as_bool()
    }
    fn write(&self) -> Value {
        Value::Bool(*self)
    }
}

/// An optional field: absent in the file is `None`.
impl<T: Node> Node for Option<T> {
    type At = T::At;
    fn shape() -> &'static Shape {
        T::shape()
    }
    fn read(v: &Value) -> Option<Self> {
        T::read(v).map(Some)
    }
    fn write(&self) -> Value {
        self.as_ref().map_or(Value::Null, Node::write)
    }
    fn node(&self, path: &[Seg]) -> Option<&dyn Any> {
        if path.is_empty() {
            Some(self)
        } else {
            self.as_ref()?.node(path)
        }
    }
    fn node_mut(&mut self, path: &[Seg]) -> Option<&mut dyn Any> {
        if path.is_empty() {
            Some(self)
        } else {
            self.as_mut()?.node_mut(path)
        }
    }
}

impl<T: Node> Node for Vec<T> {
    type At = ListAt<T::At>;
    fn shape() -> &'static Shape {
        const { &Shape::List(T::shape) }
    }
    fn read(v: &Value) -> Option<Self> {
        v.as_array()?.iter().map(T::read).collect()
    }
    fn write(&self) -> Value {
        Value::Array(self.iter().map(Node::write).collect())
    }
    fn node(&self, path: &[Seg]) -> Option<&dyn Any> {
        match path.split_first() {
            None => Some(self),
            Some((Seg::Index(i), rest)) => self.get(*i)?.node(rest),
            _ => None,
        }
    }
    fn node_mut(&mut self, path: &[Seg]) -> Option<&mut dyn Any> {
        match path.split_first() {
            None => Some(self),
            Some((Seg::Index(i), rest)) => self.get_mut(*i)?.node_mut(rest),
            _ => None,
        }
    }
}

/// Year-specific values keyed by plan year (`{"3": -2.0}`).
impl Node for BTreeMap<u32, f64> {
    type At = YearMapAt;
    fn shape() -> &'static Shape {
        &Shape::YearMap
    }
    fn read(v: &Value) -> Option<Self> {
        v.as_object()?
            .iter()
            .map(|(k, x)| Some((whole::key(k)?, x.as_f64()?)))
            .collect()
    }
    fn write(&self) -> Value {
        Value::Object(
            self.iter()
                .map(|(t, x)| (t.to_string(), Value::from(*x)))
                .collect(),
        )
    }
    fn node(&self, path: &[Seg]) -> Option<&dyn Any> {
        match path {
            [] => Some(self),
            [Seg::Year(t)] => self.get(t).map(|x| x as &dyn Any),
            _ => None,
        }
    }
    fn node_mut(&mut self, path: &[Seg]) -> Option<&mut dyn Any> {
        match path {
            [] => Some(self),
            [Seg::Year(t)] => self.get_mut(t).map(|x| x as &mut dyn Any),
            _ => None,
        }
    }
}

/// A step point `[t, pct]`: addressed as its plan year, `.pct` its percentage.
impl Node for (u32, f64) {
    type At = PairAt;
    fn shape() -> &'static Shape {
        &Shape::Pair
    }
    fn read(v: &Value) -> Option<Self> {
        match v.as_array()?.as_slice() {
            [t, pct] => Some((whole_u32(t)?, pct.as_f64()?)),
            _ => None,
        }
    }
    fn write(&self) -> Value {
        Value::Array(vec![self.0.into(), Value::from(self.1)])
    }
    fn node(&self, path: &[Seg]) -> Option<&dyn Any> {
        match path {
            [] => Some(&self.0),
            [Seg::Key("pct")] => Some(&self.1),
            _ => None,
        }
    }
    fn node_mut(&mut self, path: &[Seg]) -> Option<&mut dyn Any> {
        match path {
            [] => Some(&mut self.0),
            [Seg::Key("pct")] => Some(&mut self.1),
            _ => None,
        }
    }
}

/// A plan year or count as the file may write it: an integer, or a
/// decimal with a whole value (`1.0`), 0 to u32::MAX.
pub fn whole_u32(v: &Value) -> Option<u32> {
    match v.as_u64() {
        Some(n) => u32::try_from(n).ok(),
        None => v.as_f64().and_then(whole::from_f64),
    }
}

/// Whether a field left at `default` is left out of the file.
pub fn differs<T: PartialEq>(x: &T, default: T) -> bool {
    *x != default
}

// ---- the walk ----------------------------------------------------------

/// Every structural problem of `value` against `shape`, for a file of
/// plan format `version`.
pub fn walk(value: &Value, shape: &Shape, path: &Field, version: u32, out: &mut Vec<Problem>) {
    let mut wrong = |want: Want| {
        out.push(Problem::new(
            path.clone(),
            Rule::WrongType {
                want,
                got: Got::of(value),
            },
        ))
    };
    match shape {
        Shape::Number => {
            if !value.is_number() {
                wrong(Want::Number);
            }
        }
        Shape::Whole => {
            if whole_u32(value).is_none() {
                wrong(Want::Whole);
            }
        }
        Shape::CalendarYear => {
            if i32::read(value).is_none() {
                wrong(Want::CalendarYear);
            }
        }
        Shape::Text => {
            if !value.is_string() {
                wrong(Want::Text);
            }
        }
        Shape::Bool => {
            if !value.is_boolean() {
                wrong(Want::Bool);
            }
        }
        Shape::OneOf(options) => {
            if !value.as_str().is_some_and(|s| options.contains(&s)) {
                wrong(Want::OneOf(options));
            }
        }
        Shape::List(item) => {
            let item = item();
            match value.as_array() {
                Some(items) => {
                    for (i, v) in items.iter().enumerate() {
                        walk(v, item, &path.index(i), version, out);
                    }
                }
                None if matches!(item, Shape::Pair) => wrong(Want::Pairs),
                None => wrong(Want::List),
            }
        }
        Shape::YearMap => match value.as_object() {
            Some(map) => {
                for (key, v) in map {
                    let at = match whole::key(key) {
                        Some(t) => path.year(t),
                        None => {
                            let at = path.other(key);
                            out.push(Problem::new(at.clone(), Rule::YearKey));
                            at
                        }
                    };
                    walk(v, &Shape::Number, &at, version, out);
                }
            }
            None => wrong(Want::YearMap),
        },
        Shape::Pair => match value.as_array().map(Vec::as_slice) {
            // The point's path is its plan year; `.pct` its percentage.
            Some([t, pct]) => {
                walk(t, &Shape::Whole, path, version, out);
                walk(pct, &Shape::Number, &path.key("pct"), version, out);
            }
            _ => out.push(Problem::new(path.clone(), Rule::NotAPair)),
        },
        Shape::Object(fields) => walk_object(value, fields, None, path, version, out),
        Shape::Seed => {
            if u64::read(value).is_none() {
                wrong(Want::Seed);
            }
        }
        Shape::Changes(plan) => match value.as_object() {
            Some(map) => {
                for key in map.keys() {
                    if let Err(e) = Field::parse(key, plan(), version) {
                        let syntax = e == PathError::Syntax;
                        out.push(Problem::new(path.other(key), Rule::NotAPlanPath { syntax }));
                    }
                }
            }
            None => wrong(Want::Object),
        },
        Shape::Tagged(t) => {
            if !value.is_object() {
                wrong(Want::Tagged);
                return;
            }
            let tag = value.get(t.tag);
            match t
                .variants
                .iter()
                .find(|v| tag.and_then(Value::as_str) == Some(v.name))
            {
                Some(variant) => {
                    walk_object(value, variant.fields, Some(t.tag), path, version, out)
                }
                None => out.push(Problem::new(
                    path.key(t.tag),
                    match tag {
                        None => Rule::TagRequired { options: t.names },
                        Some(got) => Rule::WrongType {
                            want: Want::OneOf(t.names),
                            got: Got::of(got),
                        },
                    },
                )),
            }
        }
    }
}

/// An object's fields: each known one walked, each unknown one reported
/// with the nearest known name, each missing required one reported.
/// `tag` is a tagged object's own tag field, known beside `fields`.
fn walk_object(
    value: &Value,
    fields: &'static [FieldInfo],
    tag: Option<&'static str>,
    path: &Field,
    version: u32,
    out: &mut Vec<Problem>,
) {
    let Some(object) = value.as_object() else {
        out.push(Problem::new(
            path.clone(),
            Rule::WrongType {
                want: Want::Object,
                got: Got::of(value),
            },
        ));
        return;
    };
    let known = || fields.iter().filter(|f| f.since <= version);
    for (key, v) in object {
        if Some(key.as_str()) == tag {
            continue;
        }
        match known().find(|f| f.name == key) {
            Some(f) => walk(v, (f.shape)(), &path.key(f.name), version, out),
            None => {
                let names: Vec<&'static str> =
                    tag.into_iter().chain(known().map(|f| f.name)).collect();
                out.push(Problem::new(path.other(key), unknown_field(key, names)));
            }
        }
    }
    for f in known().filter(|f| f.required && !object.contains_key(f.name)) {
        out.push(Problem::new(path.key(f.name), Rule::Required));
    }
}

/// "unknown field", with the nearest known name when one is close (a typo).
fn unknown_field(key: &str, names: Vec<&'static str>) -> Rule {
    let nearest = names
        .iter()
        .map(|name| (edit_distance(key, name), *name))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= 2)
        .map(|(_, name)| name);
    Rule::UnknownField {
        nearest,
        fields: if nearest.is_some() { Vec::new() } else { names },
    }
}

/// Levenshtein distance, for suggesting a misspelt field's intended name.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// Writes an object's fields into `m` in their order, leaving out the
/// optional ones at their default.
pub fn put(m: &mut Map<String, Value>, name: &str, v: Value) {
    m.insert(name.to_string(), v);
}

// ---- the macros --------------------------------------------------------

/// The file name of a field: the Rust name, or the one given with `as`.
macro_rules! name {
    ($f:ident) => {
        stringify!($f)
    };
    ($f:ident, $json:literal) => {
        $json
    };
}

macro_rules! since {
    () => {
        1
    };
    ($v:literal) => {
        $v
    };
}

/// `req`: required. `def(x)`: x when absent, always written. `opt(x)`:
/// x when absent, left out of the file at x.
macro_rules! required {
    (req) => {
        true
    };
    (def) => {
        false
    };
    (opt) => {
        false
    };
}

/// A field's value in a new item: its default, or the type's own for a
/// required field (a new item is then completed by whoever makes it).
macro_rules! default_value {
    (req) => {
        Default::default()
    };
    ($policy:ident, $default:expr) => {
        $default
    };
}

macro_rules! read_field {
    ($o:ident, $name:expr, $T:ty, req) => {
        <$T as $crate::model::shape::Node>::read($o.get($name)?)?
    };
    ($o:ident, $name:expr, $T:ty, $policy:ident, $default:expr) => {
        match $o.get($name) {
            Some(v) => <$T as $crate::model::shape::Node>::read(v)?,
            None => $default,
        }
    };
}

macro_rules! write_field {
    ($m:ident, $name:expr, $x:expr, opt, $default:expr) => {
        if $crate::model::shape::differs($x, $default) {
            $crate::model::shape::put(&mut $m, $name, $crate::model::shape::Node::write($x));
        }
    };
    ($m:ident, $name:expr, $x:expr, $policy:ident $(, $default:expr)?) => {
        $crate::model::shape::put(&mut $m, $name, $crate::model::shape::Node::write($x))
    };
}

macro_rules! field_info {
    ($f:ident $(, $json:literal)?; $T:ty; $policy:ident; $($since:literal)?) => {
        $crate::model::shape::FieldInfo {
            name: $crate::model::shape::name!($f $(, $json)?),
            shape: <$T as $crate::model::shape::Node>::shape,
            required: $crate::model::shape::required!($policy),
            since: $crate::model::shape::since!($($since)?),
        }
    };
}

/// The typed address `$A` of a record or tagged type: a `Field` that only
/// the type's own methods extend (see `record!` and `tagged!`).
macro_rules! address {
    ($A:ident) => {
        #[derive(Clone, Debug, PartialEq)]
        pub struct $A($crate::model::field::Field);

        impl $crate::model::field::At for $A {
            fn from_field(field: $crate::model::field::Field) -> Self {
                $A(field)
            }
            fn field(&self) -> &$crate::model::field::Field {
                &self.0
            }
        }

        /// The path, as MODEL.md writes it.
        impl std::fmt::Display for $A {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

/// A plan object: `pub struct Name at NameAt { pub field: Type = policy, … }`
/// (see `required!` for the policies; `pub f as "json": T` renames;
/// `since 2` after the policy marks a field of plan format 2).
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $S:ident at $A:ident {
            $(
                $(#[doc = $doc:literal])*
                pub $f:ident $(as $json:literal)? : $T:ty = $policy:ident $(($default:expr))? $(since $since:literal)?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $S {
            $( $(#[doc = $doc])* pub $f: $T, )*
        }

        impl Default for $S {
            fn default() -> Self {
                $S {
                    $( $f: $crate::model::shape::default_value!($policy $(, $default)?), )*
                }
            }
        }

        impl $S {
            /// The fields, in the order the file writes them.
            pub const FIELDS: &'static [$crate::model::shape::FieldInfo] = &[
                $( $crate::model::shape::field_info!($f $(, $json)?; $T; $policy; $($since)?), )*
            ];
        }

        impl $crate::model::shape::Node for $S {
            type At = $A;

            fn shape() -> &'static $crate::model::shape::Shape {
                const { &$crate::model::shape::Shape::Object($S::FIELDS) }
            }

            fn read(v: &serde_json::Value) -> Option<Self> {
                let o = v.as_object()?;
                Some($S {
                    $( $f: $crate::model::shape::read_field!(o, $crate::model::shape::name!($f $(, $json)?), $T, $policy $(, $default)?), )*
                })
            }

            fn write(&self) -> serde_json::Value {
                let mut m = serde_json::Map::new();
                $( $crate::model::shape::write_field!(m, $crate::model::shape::name!($f $(, $json)?), &self.$f, $policy $(, $default)?); )*
                serde_json::Value::Object(m)
            }

            fn node(&self, path: &[$crate::model::field::Seg]) -> Option<&dyn std::any::Any> {
                let Some(($crate::model::field::Seg::Key(k), rest)) = path.split_first() else {
                    return path.is_empty().then_some(self as &dyn std::any::Any);
                };
                $( if *k == $crate::model::shape::name!($f $(, $json)?) {
                    return $crate::model::shape::Node::node(&self.$f, rest);
                } )*
                None
            }

            fn node_mut(&mut self, path: &[$crate::model::field::Seg]) -> Option<&mut dyn std::any::Any> {
                let Some(($crate::model::field::Seg::Key(k), rest)) = path.split_first() else {
                    return if path.is_empty() { Some(self) } else { None };
                };
                $( if *k == $crate::model::shape::name!($f $(, $json)?) {
                    return $crate::model::shape::Node::node_mut(&mut self.$f, rest);
                } )*
                None
            }
        }

        #[doc = concat!("The address of a `", stringify!($S), "`; each method names one of its fields.")]
        $crate::model::shape::address!($A);

        #[allow(clippy::wrong_self_convention)]
        impl $A {
            $(
                pub fn $f(&self) -> <$T as $crate::model::shape::Node>::At {
                    $crate::model::field::At::from_field(self.0.key($crate::model::shape::name!($f $(, $json)?)))
                }
            )*
        }
    };
}

/// An object whose fields depend on a tag: `pub enum Name at NameAt tag
/// "shape" kinds NameKind { Variant(method) = "name" at VariantAt { field:
/// Type = policy, … }, … }`; `NameKind` is the variants without fields.
macro_rules! tagged {
    (
        $(#[$meta:meta])*
        pub enum $E:ident at $A:ident tag $tag:literal kinds $K:ident {
            $(
                $(#[doc = $vdoc:literal])*
                $V:ident($method:ident) = $vname:literal at $VA:ident {
                    $(
                        $(#[doc = $doc:literal])*
                        $f:ident : $T:ty = $policy:ident $(($default:expr))?
                    ),* $(,)?
                }
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub enum $E {
            $( $(#[doc = $vdoc])* $V { $( $(#[doc = $doc])* $f: $T, )* }, )*
        }

        $crate::model::shape::string_enum! {
            #[doc = concat!("The variants of a `", stringify!($E), "` without their fields: the values of its `", $tag, "`.")]
            pub enum $K {
                $( $V = $vname, )*
            }
        }

        impl $E {
            /// The tag's values, one per variant.
            pub const NAMES: &'static [&'static str] = $K::NAMES;
            const VARIANTS: &'static [$crate::model::shape::Variant] = &[
                $( $crate::model::shape::Variant {
                    name: $vname,
                    fields: &[ $( $crate::model::shape::field_info!($f; $T; $policy;), )* ],
                }, )*
            ];

            /// Which variant this is.
            pub fn kind(&self) -> $K {
                match self {
                    $( $E::$V { .. } => $K::$V, )*
                }
            }

            /// The tag's value of this variant.
            pub fn tag(&self) -> &'static str {
                self.kind().as_str()
            }
        }

        impl $crate::model::shape::Node for $E {
            type At = $A;

            fn shape() -> &'static $crate::model::shape::Shape {
                const {
                    &$crate::model::shape::Shape::Tagged(&$crate::model::shape::Tagged {
                        tag: $tag,
                        names: $E::NAMES,
                        variants: $E::VARIANTS,
                    })
                }
            }

            fn read(v: &serde_json::Value) -> Option<Self> {
                let o = v.as_object()?;
                match o.get($tag)?.as_str()? {
                    $( $vname => Some($E::$V {
                        $( $f: $crate::model::shape::read_field!(o, stringify!($f), $T, $policy $(, $default)?), )*
                    }), )*
                    _ => None,
                }
            }

            fn write(&self) -> serde_json::Value {
                let mut m = serde_json::Map::new();
                $crate::model::shape::put(&mut m, $tag, serde_json::Value::from(self.tag()));
                match self {
                    $( $E::$V { $($f),* } => {
                        $( $crate::model::shape::write_field!(m, stringify!($f), $f, $policy $(, $default)?); )*
                    } )*
                }
                serde_json::Value::Object(m)
            }

            fn node(&self, path: &[$crate::model::field::Seg]) -> Option<&dyn std::any::Any> {
                let Some(($crate::model::field::Seg::Key(k), rest)) = path.split_first() else {
                    return path.is_empty().then_some(self as &dyn std::any::Any);
                };
                match self {
                    $( $E::$V { $($f),* } => {
                        $( if *k == stringify!($f) {
                            return $crate::model::shape::Node::node($f, rest);
                        } )*
                        let _ = rest;
                        None
                    } )*
                }
            }

            fn node_mut(&mut self, path: &[$crate::model::field::Seg]) -> Option<&mut dyn std::any::Any> {
                let Some(($crate::model::field::Seg::Key(k), rest)) = path.split_first() else {
                    return if path.is_empty() { Some(self) } else { None };
                };
                match self {
                    $( $E::$V { $($f),* } => {
                        $( if *k == stringify!($f) {
                            return $crate::model::shape::Node::node_mut($f, rest);
                        } )*
                        let _ = rest;
                        None
                    } )*
                }
            }
        }

        #[doc = concat!("The address of a `", stringify!($E), "`: pick its variant, then a field.")]
        $crate::model::shape::address!($A);

        impl $A {
            /// The tag itself.
            pub fn tag(&self) -> $crate::model::field::Field {
                self.0.key($tag)
            }
            $(
                pub fn $method(&self) -> $VA {
                    $VA(self.0.clone())
                }
            )*
        }

        $(
            #[doc = concat!("The fields of a `", $vname, "` variant; the path names no variant.")]
            #[derive(Clone, Debug, PartialEq)]
            pub struct $VA($crate::model::field::Field);

            impl $VA {
                $(
                    pub fn $f(&self) -> <$T as $crate::model::shape::Node>::At {
                        $crate::model::field::At::from_field(self.0.key(stringify!($f)))
                    }
                )*
            }
        )*
    };
}

/// An enum written in the file as one of a fixed set of strings, mapped
/// here and nowhere else: `pub enum Op { Ge = ">=", … }`.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $E:ident {
            $( $(#[$vmeta:meta])* $V:ident = $s:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $E {
            $( $(#[$vmeta])* $V, )*
        }

        /// The first value listed.
        impl Default for $E {
            fn default() -> Self {
                [$($E::$V),*][0]
            }
        }

        impl $E {
            pub const ALL: &'static [$E] = &[$($E::$V),*];
            pub const NAMES: &'static [&'static str] = &[$($s),*];

            /// The file's string for this value.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $E::$V => $s, )*
                }
            }

            /// The value a file's string names.
            pub fn from_name(s: &str) -> Option<$E> {
                match s {
                    $( $s => Some($E::$V), )*
                    _ => None,
                }
            }
        }

        impl $crate::model::shape::Node for $E {
            type At = $crate::model::field::Field;
            fn shape() -> &'static $crate::model::shape::Shape {
                const { &$crate::model::shape::Shape::OneOf($E::NAMES) }
            }
            fn read(v: &serde_json::Value) -> Option<Self> {
                $E::from_name(v.as_str()?)
            }
            fn write(&self) -> serde_json::Value {
                serde_json::Value::from(self.as_str())
            }
        }
    };
}

pub(crate) use {
    address, default_value, field_info, name, read_field, record, required, since, string_enum,
    tagged, write_field,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("strat", "start"), 2);
        assert_eq!(edit_distance("buoyancy", "buoyancy"), 0);
        assert_eq!(edit_distance("bouyancy", "buoyancy"), 2);
        assert_eq!(edit_distance("", "end"), 3);
    }
}
