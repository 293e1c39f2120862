//! The Web Worker that runs a plan's Monte Carlo paths and its goal-seek
//! questions off the page's thread, and the messages it exchanges with the
//! page (`sim_client`). The worker is its own binary (`sunset-worker`),
//! loaded after the app's first paint: only it calls `SimWorker::received`,
//! so the simulation and the goal seek are linked into the worker's wasm,
//! not into the app's first load. The page links the message types and the
//! codec only.
//!
//! Messages cross with serde-wasm-bindgen (`SerdeWasm`). A run's banded
//! figures, most of a reply, travel as one `Float64Array` rather than as a
//! JavaScript array of numbers.

use gloo::worker::{Codec, HandlerId, Worker, WorkerScope};
use js_sys::{Float64Array, Int32Array, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};

use crate::model::{self, PartialRun, Plan, Question, SeekAnswer};
use crate::ui::pool::Ticket;

/// Messages as JavaScript values (serde-wasm-bindgen, which Yew already
/// brings), instead of gloo-worker's default bincode.
pub struct SerdeWasm;

impl Codec for SerdeWasm {
    fn encode<I: Serialize>(input: I) -> JsValue {
        // Plain data (numbers, strings, lists, typed arrays): always serialises.
        serde_wasm_bindgen::to_value(&input).expect_throw("a worker message serialises")
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        // Only this app's page and worker post these messages.
        serde_wasm_bindgen::from_value(input).expect_throw("a worker message of this app")
    }
}

/// A goal-seek question as it travels (`model::Question`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeekQuestion {
    Reform { by: i32 },
    Taper,
    Coverage,
    Pledge,
}

impl From<SeekQuestion> for Question {
    fn from(q: SeekQuestion) -> Question {
        match q {
            SeekQuestion::Reform { by } => Question::Reform { by },
            SeekQuestion::Taper => Question::Taper,
            SeekQuestion::Coverage => Question::Coverage,
            SeekQuestion::Pledge => Question::Pledge,
        }
    }
}

/// One task for a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Task {
    /// Run paths `first` … `end` (excluded) of the plan's Monte Carlo run.
    Paths { first: u32, end: u32 },
    /// Answer a goal-seek question about the item named `item`.
    Seek {
        question: SeekQuestion,
        item: String,
    },
}

#[derive(Serialize, Deserialize)]
pub struct Request {
    pub ticket: Ticket,
    /// The plan, as its JSON file (the worker keeps the last one parsed).
    pub plan: String,
    pub task: Task,
}

/// `model::PartialRun` as it travels: its counts, and its lists as typed
/// arrays (copied whole, and little code to read on the page).
#[derive(Serialize, Deserialize)]
pub struct Piece {
    /// first_path, end_path, failed_paths, years, criteria.
    pub counts: [u32; 5],
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub band_values: Float64Array,
    /// `self_sufficiency_year` then `donor_exit_year`, `NO_YEAR` for none.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub years: Int32Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub cumulative_gap: Float64Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub criteria_met: Uint8Array,
}

/// No year (a path never self-sufficient): no calendar year is this low.
const NO_YEAR: i32 = i32::MIN;

impl Piece {
    fn from_run(r: PartialRun) -> Piece {
        let years: Vec<i32> = r
            .self_sufficiency_year
            .iter()
            .chain(&r.donor_exit_year)
            .map(|y| y.unwrap_or(NO_YEAR))
            .collect();
        let met: Vec<u8> = r.criteria_met.iter().map(|m| u8::from(*m)).collect();
        Piece {
            counts: [
                r.first_path,
                r.end_path,
                r.failed_paths,
                r.years,
                r.criteria,
            ],
            band_values: Float64Array::from(&r.band_values[..]),
            years: Int32Array::from(&years[..]),
            cumulative_gap: Float64Array::from(&r.cumulative_gap[..]),
            criteria_met: Uint8Array::from(&met[..]),
        }
    }

    /// The piece as the model's; a piece cut short fails `merge_runs`'s
    /// consistency check rather than being read wrong.
    pub fn into_run(self) -> PartialRun {
        let [first_path, end_path, failed_paths, years, criteria] = self.counts;
        let all = self.years.to_vec();
        let year = |y: &i32| (*y != NO_YEAR).then_some(*y);
        let (ss, exit) = all.split_at(all.len() / 2);
        PartialRun {
            first_path,
            end_path,
            failed_paths,
            years,
            criteria,
            band_values: self.band_values.to_vec(),
            self_sufficiency_year: ss.iter().map(year).collect(),
            donor_exit_year: exit.iter().map(year).collect(),
            cumulative_gap: self.cumulative_gap.to_vec(),
            criteria_met: self
                .criteria_met
                .to_vec()
                .into_iter()
                .map(|m| m != 0)
                .collect(),
        }
    }
}

/// `model::SeekAnswer` as it travels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub question: SeekQuestion,
    pub item: String,
    pub field: String,
    pub value: Option<f64>,
    pub calendar_year: Option<i32>,
}

impl Answer {
    pub fn to_model(&self) -> SeekAnswer {
        SeekAnswer {
            question: self.question.into(),
            item: self.item.clone(),
            field: self.field.clone(),
            reachable: self.value.is_some(),
            value: self.value,
            calendar_year: self.calendar_year,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub enum Outcome {
    Piece(Piece),
    Answer(Answer),
    /// The task could not be done (a plan that does not parse, a question
    /// the plan cannot answer): in English, for the console.
    Failed(String),
}

#[derive(Serialize, Deserialize)]
pub struct Reply {
    pub ticket: Ticket,
    pub outcome: Outcome,
    /// How long the worker took, in milliseconds (for the benchmark).
    pub ms: f64,
}

/// The worker: the last plan it parsed, so the tasks of one job (and a run
/// followed by its goal-seek questions) parse it once.
pub struct SimWorker {
    last: Option<(String, Result<Plan, String>)>,
}

impl SimWorker {
    fn plan(&mut self, text: String) -> Result<&Plan, String> {
        if self.last.as_ref().is_none_or(|(t, _)| *t != text) {
            let parsed = model::parse_plan(&text)
                .map_err(|problems| format!("the plan does not parse: {}", problems.len()));
            self.last = Some((text, parsed));
        }
        match &self.last {
            Some((_, Ok(plan))) => Ok(plan),
            Some((_, Err(e))) => Err(e.clone()),
            None => Err("no plan".into()),
        }
    }

    fn run(&mut self, plan: String, task: Task) -> Outcome {
        let plan = match self.plan(plan) {
            Ok(p) => p,
            Err(e) => return Outcome::Failed(e),
        };
        match task {
            Task::Paths { first, end } => {
                let u = plan.uncertainty.clone().unwrap_or_default();
                Outcome::Piece(Piece::from_run(model::simulate_paths(plan, &u, first..end)))
            }
            Task::Seek { question, item } => match model::seek(plan, question.into(), &item) {
                Ok(a) => Outcome::Answer(Answer {
                    question,
                    item: a.item,
                    field: a.field,
                    value: a.value,
                    calendar_year: a.calendar_year,
                }),
                Err(e) => Outcome::Failed(e.to_string()),
            },
        }
    }
}

/// Milliseconds on the worker's clock.
fn now() -> f64 {
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|g| g.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

impl Worker for SimWorker {
    type Message = ();
    type Input = Request;
    type Output = Reply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        SimWorker { last: None }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, req: Request, id: HandlerId) {
        let start = now();
        let outcome = self.run(req.plan, req.task);
        let ms = now() - start;
        scope.respond(
            id,
            Reply {
                ticket: req.ticket,
                outcome,
                ms,
            },
        );
    }
}
