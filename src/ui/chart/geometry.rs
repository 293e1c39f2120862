//! Chart geometry: pure functions from projection figures to pixels and SVG
//! path text (scales, "nice" axis ticks, stacking, step paths, money in the
//! display currency). No DOM here, so every rule of the drawing can be
//! tested without a browser. Not for colours or layout of whole charts.

use crate::model::{Projection, YearResult};
use crate::ui::format::DisplayCurrency;

/// `x` if it is a number, else 0: charts draw nothing for NaN or infinity
/// rather than breaking a path.
pub fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// A linear map from a domain (figures) to a range (pixels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Scale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Scale {
        Scale {
            d0: finite(domain.0),
            d1: finite(domain.1),
            r0: finite(range.0),
            r1: finite(range.1),
        }
    }

    /// The pixel of `v`. An empty domain maps everything to the range start;
    /// a non-finite value maps as 0.
    pub fn map(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span == 0.0 || !span.is_finite() {
            return self.r0;
        }
        self.r0 + (finite(v) - self.d0) / span * (self.r1 - self.r0)
    }
}

/// Round axis ticks (steps of 1, 2, 2.5 or 5 × 10^k) covering `lo..=hi`,
/// about `count` of them. The first and last tick are the axis ends. An
/// empty or non-finite range gives 0 and 1 so an all-zero chart still has an
/// axis.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (mut lo, mut hi) = (finite(lo), finite(hi));
    if lo > hi {
        std::mem::swap(&mut lo, &mut hi);
    }
    if hi - lo <= f64::EPSILON * hi.abs().max(lo.abs()).max(f64::MIN_POSITIVE) {
        if hi == 0.0 {
            return vec![0.0, 1.0];
        }
        // One value: show from 0 to it, so a bar has a base.
        if hi > 0.0 {
            lo = 0.0;
        } else {
            hi = 0.0;
        }
    }
    let raw = (hi - lo) / count.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let step = mag
        * if norm <= 1.0 {
            1.0
        } else if norm <= 2.0 {
            2.0
        } else if norm <= 2.5 {
            2.5
        } else if norm <= 5.0 {
            5.0
        } else {
            10.0
        };
    if !step.is_finite() || step <= 0.0 {
        return vec![lo, hi];
    }
    let first = (lo / step).floor();
    let last = (hi / step).ceil();
    let n = ((last - first) as usize).min(1000);
    // Multiply whole step counts rather than adding steps, so 0.1 + 0.2
    // noise never reaches a label. (`first + i` is never -0: -0 + 0 is 0.)
    (0..=n).map(|i| (first + i as f64) * step).collect()
}

/// One stacked layer: per year, its bottom and top in figure units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Band {
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
}

/// Stacks `layers` (each a per-year series) bottom to top. Negative and
/// non-finite values count as 0 (a stack only holds money that is there);
/// a short series is padded with 0.
pub fn stack(layers: &[Vec<f64>]) -> Vec<Band> {
    let n = layers.iter().map(Vec::len).max().unwrap_or(0);
    let mut base = vec![0.0; n];
    layers
        .iter()
        .map(|layer| {
            let lower = base.clone();
            for (i, b) in base.iter_mut().enumerate() {
                *b += finite(layer.get(i).copied().unwrap_or(0.0)).max(0.0);
            }
            Band {
                lower,
                upper: base.clone(),
            }
        })
        .collect()
}

/// Year columns across the plot: year i spans `x0(i)..x1(i)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Columns {
    pub left: f64,
    pub right: f64,
    pub n: usize,
}

impl Columns {
    pub fn width(&self) -> f64 {
        (self.right - self.left) / self.n.max(1) as f64
    }
    pub fn x0(&self, i: usize) -> f64 {
        self.left + i as f64 * self.width()
    }
    pub fn x1(&self, i: usize) -> f64 {
        self.x0(i + 1)
    }
    pub fn center(&self, i: usize) -> f64 {
        self.x0(i) + self.width() / 2.0
    }
    /// Show every k-th year label so labels sit at least `min_px` apart.
    pub fn label_every(&self, min_px: f64) -> usize {
        let w = self.width();
        if w <= 0.0 {
            return 1;
        }
        ((min_px / w).ceil() as usize).max(1)
    }
}

/// Far enough off any chart to be cut by its clip. A surplus many orders
/// of magnitude above the axis top (1000 % growth a year) would otherwise
/// write a coordinate of hundreds of digits, which SVG does not read.
const OFF_CHART: f64 = 1.0e6;

/// A coordinate with one decimal ("12.3", "-4.0"), held within
/// `OFF_CHART`; NaN writes 0.0. Whole tenths in integer arithmetic: Rust's
/// exact float formatting (`{:.1}`) was a large share of each step of a
/// drag, with a thousand coordinates a frame.
pub fn push_tenths(out: &mut String, v: f64) {
    use std::fmt::Write;
    // Within ±1e7 tenths, so the cast is exact; NaN casts to 0.
    let t = (v.clamp(-OFF_CHART, OFF_CHART) * 10.0).round() as i64;
    if t < 0 {
        out.push('-');
    }
    let t = t.unsigned_abs();
    let _ = write!(out, "{}.{}", t / 10, t % 10);
}

/// `push_tenths` as an attribute's text.
pub fn tenths(v: f64) -> String {
    let mut s = String::with_capacity(8);
    push_tenths(&mut s, v);
    s
}

/// SVG path text: commands and points, written into one string.
pub struct PathText(String);

impl PathText {
    pub fn new(points: usize) -> Self {
        PathText(String::with_capacity(points * 12 + 2))
    }

    /// `cmd` (M or L) to the point (x, y).
    fn to(&mut self, cmd: char, x: f64, y: f64) {
        self.0.push(cmd);
        push_tenths(&mut self.0, x);
        self.0.push(',');
        push_tenths(&mut self.0, y);
    }

    /// Through `points` in turn: a move to the first, lines to the rest.
    pub fn line(mut self, points: impl Iterator<Item = (f64, f64)>) -> Self {
        for (i, (x, y)) in points.enumerate() {
            self.to(if i == 0 { 'M' } else { 'L' }, x, y);
        }
        self
    }

    /// Closes the shape drawn since the last move back to its start.
    fn close(&mut self) {
        self.0.push('Z');
    }

    /// The path, closed back to its start.
    pub fn closed(mut self) -> String {
        self.close();
        self.0
    }
}

/// A stacked band as an SVG path: flat across each year's column (annual
/// figures hold for the whole year), top edge left to right, then bottom
/// edge back. Empty for no years.
pub fn band_path(cols: &Columns, y: &Scale, band: &Band) -> String {
    let n = band.upper.len().min(band.lower.len()).min(cols.n);
    if n == 0 {
        return String::new();
    }
    let top = (0..n).flat_map(|i| {
        let v = y.map(band.upper[i]);
        [(cols.x0(i), v), (cols.x1(i), v)]
    });
    let bottom = (0..n).rev().flat_map(|i| {
        let v = y.map(band.lower[i]);
        [(cols.x1(i), v), (cols.x0(i), v)]
    });
    PathText::new(4 * n).line(top.chain(bottom)).closed()
}

/// A step line through each year's value across its column.
pub fn step_line_path(cols: &Columns, y: &Scale, values: &[f64]) -> String {
    let n = values.len().min(cols.n);
    let points = (0..n).flat_map(|i| {
        let v = y.map(values[i]);
        [(cols.x0(i), v), (cols.x1(i), v)]
    });
    PathText::new(2 * n).line(points).0
}

/// A line through each year's value at the column centre (for the small
/// percentage charts, where a trend reads better than steps). A single year
/// is drawn across its column so it is still visible.
pub fn center_line_path(cols: &Columns, y: &Scale, values: &[f64]) -> String {
    let n = values.len().min(cols.n);
    if n == 1 {
        return step_line_path(cols, y, values);
    }
    let points = (0..n).map(|i| (cols.center(i), y.map(values[i])));
    PathText::new(n).line(points).0
}

/// Bars hanging from `base` (e.g. below the zero axis), one per year with a
/// positive value, inset by `inset` of the column width on each side.
pub fn bars_path(cols: &Columns, y: &Scale, base: f64, values: &[f64], inset: f64) -> String {
    let pad = cols.width() * inset.clamp(0.0, 0.45);
    let y0 = y.map(base);
    let mut path = PathText::new(4 * values.len().min(cols.n));
    for (i, v) in values.iter().take(cols.n).enumerate() {
        if finite(*v) > 0.0 {
            let (a, b) = (cols.x0(i) + pad, cols.x1(i) - pad);
            let y1 = y.map(base - v);
            path = path.line([(a, y0), (b, y0), (b, y1), (a, y1)].into_iter());
            path.close();
        }
    }
    path.0
}

/// `lcu` in the display currency at year `yr`'s exchange rate; non-finite
/// results (no rate) become 0 for drawing.
pub fn money(currency: DisplayCurrency, yr: &YearResult, lcu: f64) -> f64 {
    finite(currency.convert(lcu, yr.fx))
}

/// How far above the highest need the bridge chart's axis may reach.
pub const SURPLUS_HEADROOM: f64 = 1.25;
/// How deep below zero deposits may reach, as a share of the axis top.
pub const DEPOSIT_DEPTH: f64 = 0.25;

/// The figures of the bridge chart, per year, in the display currency.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BridgeSeries {
    pub years: Vec<i32>,
    pub revenue: Vec<f64>,
    /// One series per donor, in plan order.
    pub donors: Vec<Vec<f64>>,
    pub draw: Vec<f64>,
    pub gap: Vec<f64>,
    pub deposit: Vec<f64>,
    pub need: Vec<f64>,
}

impl BridgeSeries {
    pub fn from_projection(p: &Projection, currency: DisplayCurrency) -> BridgeSeries {
        let n_donors = p.years.iter().map(|y| y.donors.len()).max().unwrap_or(0);
        let series = |f: &dyn Fn(&YearResult) -> f64| -> Vec<f64> {
            p.years.iter().map(|y| money(currency, y, f(y))).collect()
        };
        BridgeSeries {
            years: p.years.iter().map(|y| y.year).collect(),
            revenue: series(&|y| y.local_revenue),
            donors: (0..n_donors)
                .map(|d| series(&|y| y.donors.get(d).copied().unwrap_or(0.0)))
                .collect(),
            draw: series(&|y| y.draw),
            gap: series(&|y| y.unfunded_gap),
            deposit: series(&|y| y.deposit),
            need: series(&|y| y.need),
        }
    }

    /// The same bridge with every year scaled to its own need (need = 100):
    /// over a long horizon nominal growth dwarfs the early years, and this
    /// view keeps each year's mix readable. A year without need shows 0.
    pub fn share_of_need(&self) -> BridgeSeries {
        let share = |v: &Vec<f64>| -> Vec<f64> {
            v.iter()
                .zip(&self.need)
                .map(|(x, n)| {
                    if finite(*n) > 0.0 {
                        100.0 * finite(*x) / n
                    } else {
                        0.0
                    }
                })
                .collect()
        };
        BridgeSeries {
            years: self.years.clone(),
            revenue: share(&self.revenue),
            donors: self.donors.iter().map(share).collect(),
            draw: share(&self.draw),
            gap: share(&self.gap),
            deposit: share(&self.deposit),
            need: share(&self.need),
        }
    }

    /// The first `n` years only (all of them when there are fewer).
    pub fn first(&self, n: usize) -> BridgeSeries {
        let cut = |v: &Vec<f64>| v[..n.min(v.len())].to_vec();
        BridgeSeries {
            years: self.years[..n.min(self.years.len())].to_vec(),
            revenue: cut(&self.revenue),
            donors: self.donors.iter().map(cut).collect(),
            draw: cut(&self.draw),
            gap: cut(&self.gap),
            deposit: cut(&self.deposit),
            need: cut(&self.need),
        }
    }

    /// Bottom to top: local revenue, each donor, reserve draw, unfunded gap.
    /// In a deficit year the stack reaches the need exactly.
    pub fn layers(&self) -> Vec<Vec<f64>> {
        let mut out = vec![self.revenue.clone()];
        out.extend(self.donors.iter().cloned());
        out.push(self.draw.clone());
        out.push(self.gap.clone());
        out
    }

    /// The value range to draw: (bottom, top). The chart is about meeting
    /// the need, so a surplus far above it (revenue outgrowing need over a
    /// long horizon) is cut at `SURPLUS_HEADROOM` × the highest need rather
    /// than flattening every other year; deposits below zero get at most
    /// `DEPOSIT_DEPTH` of the height above. Cut shapes are clipped when drawn.
    pub fn extent(&self) -> (f64, f64) {
        let bands = stack(&self.layers());
        let top_stack = bands
            .last()
            .map(|b| b.upper.iter().fold(0.0f64, |a, v| a.max(*v)))
            .unwrap_or(0.0);
        let top_need = self.need.iter().fold(0.0f64, |a, v| a.max(finite(*v)));
        let top = if top_need > 0.0 {
            top_stack.min(top_need * SURPLUS_HEADROOM).max(top_need)
        } else {
            top_stack
        };
        let deepest = self.deposit.iter().fold(0.0f64, |a, v| a.max(finite(*v)));
        (-deepest.min(top * DEPOSIT_DEPTH), top)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(-10.0, 130.0, 6),
            vec![-25.0, 0.0, 25.0, 50.0, 75.0, 100.0, 125.0, 150.0]
        );
        assert_eq!(
            nice_ticks(0.0, 1.0e9, 5),
            vec![0.0, 2.0e8, 4.0e8, 6.0e8, 8.0e8, 1.0e9]
        );
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(f64::NAN, f64::INFINITY, 5), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(0.0, 7.0, 4), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        // Ends given the wrong way round.
        assert_eq!(nice_ticks(7.0, 0.0, 4), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        // One value, above or below zero: the axis runs from 0 to it.
        assert_eq!(nice_ticks(5.0, 5.0, 5), vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(nice_ticks(-2.0, -2.0, 2), vec![-2.0, -1.0, 0.0]);
        // Two values a float apart are one value too.
        let next = 4.0 + 4.0 * f64::EPSILON;
        let t = nice_ticks(4.0, next, 4);
        assert!(t[0] == 0.0 && t[t.len() - 1] >= next, "{t:?}");
        // A narrow range far from 0 keeps its own ticks.
        assert_eq!(
            nice_ticks(1000.0, 1010.0, 5),
            vec![1000.0, 1002.0, 1004.0, 1006.0, 1008.0, 1010.0]
        );
        // Steps of 5 (a raw step of 4).
        assert_eq!(nice_ticks(0.0, 20.0, 5), vec![0.0, 5.0, 10.0, 15.0, 20.0]);
        // A range too wide for a float step: just its ends.
        assert_eq!(nice_ticks(-1e308, 1e308, 5), vec![-1e308, 1e308]);
        // No tick is -0 (it would print as "-0").
        assert!(nice_ticks(-0.0, 10.0, 5)
            .iter()
            .all(|t| !t.is_sign_negative()));
    }

    /// Two 50-pixel columns over a 0–100 scale 200 pixels high (y = 200 − 2v).
    fn plot() -> (Columns, Scale) {
        let cols = Columns {
            left: 0.0,
            right: 100.0,
            n: 2,
        };
        (cols, Scale::new((0.0, 100.0), (200.0, 0.0)))
    }

    #[test]
    fn paths_step_across_each_years_column() {
        let (cols, y) = plot();
        let band = Band {
            lower: vec![0.0, 10.0],
            upper: vec![50.0, 60.0],
        };
        assert_eq!(
            band_path(&cols, &y, &band),
            "M0.0,100.0L50.0,100.0L50.0,80.0L100.0,80.0L100.0,180.0L50.0,180.0L50.0,200.0L0.0,200.0Z"
        );
        assert_eq!(band_path(&cols, &y, &Band::default()), "");
        // A third value has no column.
        let values = [50.0, 60.0, 70.0];
        assert_eq!(
            step_line_path(&cols, &y, &values),
            "M0.0,100.0L50.0,100.0L50.0,80.0L100.0,80.0"
        );
        assert_eq!(
            center_line_path(&cols, &y, &values),
            "M25.0,100.0L75.0,80.0"
        );
        assert_eq!(
            center_line_path(&cols, &y, &values[..1]),
            "M0.0,100.0L50.0,100.0"
        );
        // Bars hang below the base for positive values only, inset a tenth.
        assert_eq!(
            bars_path(&cols, &y, 0.0, &[10.0, 0.0, 30.0], 0.1),
            "M5.0,200.0L45.0,200.0L45.0,220.0L5.0,220.0Z"
        );
        assert_eq!(
            bars_path(&cols, &y, 20.0, &[f64::NAN, 5.0], 0.9),
            "M72.5,160.0L77.5,160.0L77.5,170.0L72.5,170.0Z"
        );
    }

    #[test]
    fn the_bridge_reads_its_figures_in_the_display_currency_and_as_shares() {
        let year = |year, fx, donors: Vec<f64>, need| YearResult {
            year,
            fx,
            local_revenue: 100.0,
            donors,
            draw: 10.0,
            unfunded_gap: 20.0,
            deposit: 5.0,
            need,
            ..Default::default()
        };
        let p = Projection {
            years: vec![
                year(2030, 2.0, vec![40.0], 200.0),
                year(2031, 0.0, vec![30.0, 8.0], 0.0),
            ],
            summary: Default::default(),
        };
        let local = BridgeSeries::from_projection(&p, DisplayCurrency::Local);
        let want = BridgeSeries {
            years: vec![2030, 2031],
            revenue: vec![100.0, 100.0],
            donors: vec![vec![40.0, 30.0], vec![0.0, 8.0]],
            draw: vec![10.0, 10.0],
            gap: vec![20.0, 20.0],
            deposit: vec![5.0, 5.0],
            need: vec![200.0, 0.0],
        };
        assert_eq!(local, want);
        // In dollars at each year's rate; a year without a rate draws 0.
        let usd = BridgeSeries::from_projection(&p, DisplayCurrency::Usd);
        assert_eq!(
            (usd.revenue, usd.donors[0].clone()),
            (vec![50.0, 0.0], vec![20.0, 0.0])
        );
        // Each year against its own need; a year without need is 0.
        let share = local.share_of_need();
        assert_eq!(
            share,
            BridgeSeries {
                years: vec![2030, 2031],
                revenue: vec![50.0, 0.0],
                donors: vec![vec![20.0, 0.0], vec![0.0, 0.0]],
                draw: vec![5.0, 0.0],
                gap: vec![10.0, 0.0],
                deposit: vec![2.5, 0.0],
                need: vec![100.0, 0.0],
            }
        );
        let first = local.first(1);
        assert_eq!(
            (first.years, first.donors),
            (vec![2030], vec![vec![40.0], vec![0.0]])
        );
        assert_eq!(local.first(9), local);
    }

    #[test]
    fn columns_share_the_plot_width() {
        let c = Columns {
            left: 40.0,
            right: 240.0,
            n: 4,
        };
        assert_eq!(c.width(), 50.0);
        assert_eq!((c.x0(1), c.x1(1), c.center(1)), (90.0, 140.0, 115.0));
        assert_eq!((c.label_every(50.0), c.label_every(120.0)), (1, 3));
        let none = Columns { n: 0, ..c };
        assert_eq!(none.width(), 200.0);
        let flat = Columns { right: 40.0, ..c };
        assert_eq!(flat.label_every(10.0), 1);
    }

    #[test]
    fn a_scale_maps_its_domain_onto_its_range() {
        let s = Scale::new((10.0, 20.0), (300.0, 100.0));
        assert_eq!(
            (s.map(10.0), s.map(15.0), s.map(20.0)),
            (300.0, 200.0, 100.0)
        );
        assert_eq!(
            s.map(f64::NAN),
            500.0,
            "a value that is no number maps as 0"
        );
        assert_eq!(Scale::new((4.0, 4.0), (1.0, 9.0)).map(4.0), 1.0);
    }

    #[test]
    fn bridge_extent_keeps_the_need_in_view() {
        let mut s = BridgeSeries {
            years: vec![2030, 2031],
            revenue: vec![50.0, 400.0],
            donors: vec![vec![30.0, 0.0]],
            draw: vec![10.0, 0.0],
            gap: vec![10.0, 0.0],
            deposit: vec![0.0, 300.0],
            need: vec![100.0, 120.0],
        };
        // A surplus of 400 over a need of 120 is cut at 1.25 × 120; deposits at a quarter of that.
        assert_eq!(s.extent(), (-37.5, 150.0));
        s.revenue[1] = 130.0;
        s.deposit[1] = 10.0;
        assert_eq!(s.extent(), (-10.0, 130.0));
        // Zero need everywhere: the stack decides.
        s.need = vec![0.0, 0.0];
        assert_eq!(s.extent(), (-10.0, 130.0));
        assert_eq!(BridgeSeries::default().extent(), (0.0, 0.0));
    }

    #[test]
    fn the_first_years_have_their_own_extent() {
        let grow = |k: f64| (0..60).map(|i| k * 1.2f64.powi(i)).collect::<Vec<_>>();
        let s = BridgeSeries {
            years: (2026..2086).collect(),
            revenue: grow(50.0),
            donors: vec![grow(30.0)],
            draw: vec![0.0; 60],
            gap: grow(20.0),
            deposit: vec![0.0; 60],
            need: grow(100.0),
        };
        let early = s.first(15);
        assert_eq!(early.years, (2026..2041).collect::<Vec<_>>());
        assert_eq!(early.donors[0].len(), 15);
        // Zoomed, the first year's need is a visible share of the axis.
        assert!(s.need[0] / s.extent().1 < 1e-4);
        assert!(early.need[0] / early.extent().1 > 0.05);
        assert_eq!(s.first(100), s);
    }

    #[test]
    fn stacking_and_paths() {
        let bands = stack(&[vec![1.0, 2.0], vec![3.0, f64::NAN], vec![-1.0]]);
        assert_eq!(
            bands[1],
            Band {
                lower: vec![1.0, 2.0],
                upper: vec![4.0, 2.0]
            }
        );
        assert_eq!(
            bands[2],
            Band {
                lower: vec![4.0, 2.0],
                upper: vec![4.0, 2.0]
            }
        );
        let cols = Columns {
            left: 0.0,
            right: 100.0,
            n: 2,
        };
        let y = Scale::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(y.map(5.0), 50.0);
        assert_eq!(Scale::new((3.0, 3.0), (100.0, 0.0)).map(7.0), 100.0);
        assert_eq!(
            band_path(&cols, &y, &bands[1]),
            "M0.0,60.0L50.0,60.0L50.0,80.0L100.0,80.0L100.0,80.0L50.0,80.0L50.0,90.0L0.0,90.0Z"
        );
        assert_eq!(band_path(&cols, &y, &Band::default()), "");
        // A band far above the axis is held just off the chart.
        let far = Band {
            lower: vec![0.0, 0.0],
            upper: vec![1.0e150, 5.0],
        };
        assert_eq!(
            band_path(&cols, &y, &far),
            "M0.0,-1000000.0L50.0,-1000000.0L50.0,50.0L100.0,50.0L100.0,100.0L50.0,100.0L50.0,100.0L0.0,100.0Z"
        );
        assert_eq!(
            Columns {
                left: 0.0,
                right: 600.0,
                n: 60
            }
            .label_every(64.0),
            7
        );
        assert_eq!(
            step_line_path(&cols, &y, &[2.0, 4.0]),
            "M0.0,80.0L50.0,80.0L50.0,60.0L100.0,60.0"
        );
        assert_eq!(
            center_line_path(&cols, &y, &[2.0, 4.0]),
            "M25.0,80.0L75.0,60.0"
        );
        assert_eq!(
            bars_path(&cols, &y, 0.0, &[1.0, 0.0], 0.2),
            "M10.0,100.0L40.0,100.0L40.0,110.0L10.0,110.0Z"
        );
        assert_eq!(step_line_path(&cols, &y, &[]), "");
    }

    #[test]
    fn coordinates_have_one_decimal() {
        let t = |v: f64| tenths(v);
        assert_eq!(t(0.0), "0.0");
        assert_eq!(t(12.34), "12.3");
        assert_eq!(t(12.36), "12.4");
        assert_eq!(t(-4.0), "-4.0");
        assert_eq!(t(-0.96), "-1.0");
        assert_eq!(t(-0.04), "0.0");
        assert_eq!(t(959.95), "960.0");
        assert_eq!(t(1.0e150), "1000000.0");
        assert_eq!(t(f64::NEG_INFINITY), "-1000000.0");
        assert_eq!(t(f64::NAN), "0.0");
        // The same text as Rust's own one-decimal formatting, but at a tie
        // or within float error of one (a twentieth of a pixel either way).
        let mut compared = 0;
        for i in 0..20_000 {
            let v = (i as f64) * 0.0731 - 500.0;
            if ((v * 10.0).abs().fract() - 0.5).abs() > 1e-6 {
                assert_eq!(t(v), format!("{:.1}", v).replace("-0.0", "0.0"), "{v}");
                compared += 1;
            }
        }
        assert!(compared > 19_900);
    }
}
