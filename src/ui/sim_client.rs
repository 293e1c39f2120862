//! The page's side of the simulation workers: starts them (after the first
//! paint, from the component that needs them), posts the tasks `Pool`
//! hands out, and passes each finished job back. Dropping the client ends
//! the workers. wasm32 only; the rules of what goes where are `pool`'s.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::worker::{Spawnable, WorkerBridge};
use yew::Callback;

use crate::ui::pool::{Dispatch, Pool};
use crate::ui::sim_worker::{Outcome, Reply, Request, SerdeWasm, SimWorker, Task};

/// The worker's loader, written by trunk beside the page (index.html).
const WORKER_LOADER: &str = "./sunset-worker_loader.js";

/// The most workers started, whatever the machine has: a run of 10,000
/// paths gains little from more pieces, and each worker holds a plan.
const MAX_WORKERS: usize = 4;

/// A finished job: its lane and generation, each task's outcome (in task
/// order) and the time each took in its worker.
pub struct Finished {
    pub lane: usize,
    pub generation: u64,
    pub outcomes: Vec<Outcome>,
    pub worker_ms: Vec<f64>,
}

struct Inner {
    bridges: Vec<WorkerBridge<SimWorker>>,
    pool: Pool<Task, (Outcome, f64)>,
    /// Each lane's current plan, as JSON.
    plans: Vec<String>,
}

impl Inner {
    fn post(&self, sent: Vec<Dispatch<Task>>) {
        for d in sent {
            if let (Some(bridge), Some(plan)) =
                (self.bridges.get(d.worker), self.plans.get(d.ticket.lane))
            {
                bridge.send(Request {
                    ticket: d.ticket,
                    plan: plan.clone(),
                    task: d.task,
                });
            }
        }
    }
}

pub struct SimClient {
    inner: Rc<RefCell<Inner>>,
}

/// As many workers as the browser says it has cores, from one to `MAX_WORKERS`.
pub fn worker_count() -> usize {
    let cores = gloo::utils::window().navigator().hardware_concurrency();
    if cores.is_finite() && cores >= 1.0 {
        (cores as usize).clamp(1, MAX_WORKERS)
    } else {
        1
    }
}

impl SimClient {
    /// Starts `workers` workers with `lanes` lanes of work; `on_done` gets
    /// each job that finishes while it is its lane's newest.
    pub fn start(workers: usize, lanes: usize, on_done: Callback<Finished>) -> SimClient {
        let inner = Rc::new(RefCell::new(Inner {
            bridges: Vec::new(),
            pool: Pool::new(workers, lanes),
            plans: vec![String::new(); lanes],
        }));
        let bridges = (0..workers.max(1))
            .map(|worker| {
                let weak: Weak<RefCell<Inner>> = Rc::downgrade(&inner);
                let on_done = on_done.clone();
                SimWorker::spawner()
                    .encoding::<SerdeWasm>()
                    .callback(move |reply: Reply| {
                        let Some(inner) = weak.upgrade() else {
                            return;
                        };
                        let finished = {
                            let mut i = inner.borrow_mut();
                            let (done, next) =
                                i.pool
                                    .reply(worker, reply.ticket, (reply.outcome, reply.ms));
                            i.post(next);
                            done
                        };
                        if let Some(results) = finished {
                            let (outcomes, worker_ms) = results.into_iter().unzip();
                            on_done.emit(Finished {
                                lane: reply.ticket.lane,
                                generation: reply.ticket.generation,
                                outcomes,
                                worker_ms,
                            });
                        }
                    })
                    .spawn_with_loader(WORKER_LOADER)
            })
            .collect();
        inner.borrow_mut().bridges = bridges;
        SimClient { inner }
    }

    pub fn workers(&self) -> usize {
        self.inner.borrow().pool.workers()
    }

    /// Starts job `generation` on `lane` for `plan` (JSON): it replaces
    /// the lane's previous job.
    pub fn submit(&self, lane: usize, generation: u64, plan: String, tasks: Vec<Task>) {
        let mut i = self.inner.borrow_mut();
        if let Some(slot) = i.plans.get_mut(lane) {
            *slot = plan;
        }
        let sent = i.pool.submit(lane, generation, tasks);
        i.post(sent);
    }
}
