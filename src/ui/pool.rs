//! Which simulation work goes to which Web Worker, and which results count.
//! Pure (no web API), so the rules are tested on the host; the browser
//! side (`sim_client`) only posts what this returns and feeds replies back.
//!
//! Work comes in lanes (the Monte Carlo run, the goal-seek answers), each
//! holding at most one job: a generation number and its tasks. A new job
//! on a lane replaces the old one: its tasks not yet sent are dropped, and
//! replies to them that were already under way are ignored when they come
//! back (a worker cannot be interrupted, so each is sent at most one task
//! at a time and no stale task queues behind a new one). A job's results
//! are handed back once all its tasks have answered, in task order.
//! Earlier lanes go first when several have work.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

/// What a task carries to a worker and back, so its reply finds its job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub lane: usize,
    pub generation: u64,
    pub index: usize,
}

/// A task to post to a worker.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispatch<T> {
    pub worker: usize,
    pub ticket: Ticket,
    pub task: T,
}

#[derive(Debug)]
struct Lane<T, R> {
    generation: u64,
    todo: VecDeque<(usize, T)>,
    done: Vec<Option<R>>,
}

impl<T, R> Default for Lane<T, R> {
    fn default() -> Self {
        Lane {
            generation: 0,
            todo: VecDeque::new(),
            done: Vec::new(),
        }
    }
}

/// The workers and the jobs of each lane.
#[derive(Debug)]
pub struct Pool<T, R> {
    busy: Vec<bool>,
    lanes: Vec<Lane<T, R>>,
}

impl<T, R> Pool<T, R> {
    /// `workers` workers (at least one) and `lanes` lanes.
    pub fn new(workers: usize, lanes: usize) -> Self {
        Pool {
            busy: vec![false; workers.max(1)],
            lanes: (0..lanes).map(|_| Lane::default()).collect(),
        }
    }

    pub fn workers(&self) -> usize {
        self.busy.len()
    }

    /// Whether any task is under way or waiting.
    pub fn is_working(&self) -> bool {
        self.busy.iter().any(|b| *b) || self.lanes.iter().any(|l| !l.todo.is_empty())
    }

    /// Starts job `generation` on `lane` (it must be newer than the lane's
    /// current one, or it is ignored) with `tasks`; returns what to post
    /// now. An empty job is finished at once: `reply` never sees it.
    pub fn submit(&mut self, lane: usize, generation: u64, tasks: Vec<T>) -> Vec<Dispatch<T>> {
        match self.lanes.get_mut(lane) {
            Some(l) if generation > l.generation => {
                l.generation = generation;
                l.done = tasks.iter().map(|_| None).collect();
                l.todo = tasks.into_iter().enumerate().collect();
            }
            _ => return Vec::new(),
        }
        self.fill()
    }

    /// A worker's answer to `ticket`. Returns the whole job's results when
    /// this was its last task (and the job is still current), and what to
    /// post next.
    pub fn reply(
        &mut self,
        worker: usize,
        ticket: Ticket,
        result: R,
    ) -> (Option<Vec<R>>, Vec<Dispatch<T>>) {
        if let Some(b) = self.busy.get_mut(worker) {
            *b = false;
        }
        let mut finished = None;
        if let Some(l) = self.lanes.get_mut(ticket.lane) {
            if l.generation == ticket.generation {
                if let Some(slot) = l.done.get_mut(ticket.index) {
                    *slot = Some(result);
                }
                if l.todo.is_empty() && l.done.iter().all(Option::is_some) && !l.done.is_empty() {
                    finished = Some(std::mem::take(&mut l.done).into_iter().flatten().collect());
                }
            }
        }
        (finished, self.fill())
    }

    /// Gives each idle worker the next task, earlier lanes first.
    fn fill(&mut self) -> Vec<Dispatch<T>> {
        let mut out = Vec::new();
        for (worker, busy) in self.busy.iter_mut().enumerate() {
            if *busy {
                continue;
            }
            let next = self.lanes.iter_mut().enumerate().find_map(|(lane, l)| {
                l.todo.pop_front().map(|(index, task)| {
                    let ticket = Ticket {
                        lane,
                        generation: l.generation,
                        index,
                    };
                    (ticket, task)
                })
            });
            if let Some((ticket, task)) = next {
                *busy = true;
                out.push(Dispatch {
                    worker,
                    ticket,
                    task,
                });
            }
        }
        out
    }
}

/// Paths 0 … `paths` split into `pieces` contiguous ranges of nearly
/// equal size (none empty; fewer pieces when there are fewer paths).
pub fn split_paths(paths: u32, pieces: usize) -> Vec<std::ops::Range<u32>> {
    let n = u64::from(paths.max(1)).min(pieces.max(1) as u64);
    let bound = |i: u64| (u64::from(paths) * i / n) as u32;
    (0..n)
        .map(|i| bound(i)..bound(i + 1))
        .filter(|r| !r.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_contiguous_nearly_equal_ranges() {
        assert_eq!(split_paths(10_000, 2), vec![0..5_000, 5_000..10_000]);
        assert_eq!(split_paths(10, 3), vec![0..3, 3..6, 6..10]);
        assert_eq!(split_paths(1, 4), vec![0..1]);
        assert_eq!(split_paths(0, 4), Vec::<std::ops::Range<u32>>::new());
        assert_eq!(split_paths(7, 0), vec![0..7]);
    }

    fn tickets(d: &[Dispatch<&'static str>]) -> Vec<(usize, u64, usize, &'static str)> {
        d.iter()
            .map(|d| (d.worker, d.ticket.generation, d.ticket.index, d.task))
            .collect()
    }

    #[test]
    fn a_job_is_spread_over_idle_workers_and_handed_back_in_task_order() {
        let mut pool: Pool<&str, u32> = Pool::new(2, 1);
        assert_eq!((pool.workers(), pool.is_working()), (2, false));
        let sent = pool.submit(0, 1, vec!["a", "b", "c"]);
        assert_eq!(tickets(&sent), [(0, 1, 0, "a"), (1, 1, 1, "b")]);
        // Worker 1 finishes first and takes the last task.
        let (done, next) = pool.reply(1, sent[1].ticket, 20);
        assert_eq!(done, None);
        assert_eq!(tickets(&next), [(1, 1, 2, "c")]);
        // Nothing waits, but both workers are at it.
        assert!(pool.is_working());
        let (done, next) = pool.reply(1, next[0].ticket, 30);
        assert_eq!((done, next.len()), (None, 0));
        let (done, next) = pool.reply(0, sent[0].ticket, 10);
        assert_eq!(done, Some(vec![10, 20, 30]));
        assert!(next.is_empty());
        assert!(!pool.is_working());
    }

    #[test]
    fn a_newer_job_drops_the_old_ones_waiting_tasks_and_late_replies() {
        let mut pool: Pool<&str, u32> = Pool::new(1, 1);
        assert_eq!(
            Pool::<&str, u32>::new(0, 1).workers(),
            1,
            "at least one worker"
        );
        let first = pool.submit(0, 1, vec!["old-a", "old-b"]);
        assert_eq!(tickets(&first), [(0, 1, 0, "old-a")]);
        // Dragging: two newer jobs before the worker answers; only the
        // newest is sent, once the worker is free.
        assert!(pool.submit(0, 2, vec!["mid"]).is_empty());
        assert!(pool.submit(0, 3, vec!["new"]).is_empty());
        let (done, next) = pool.reply(0, first[0].ticket, 1);
        assert_eq!(done, None, "a reply for an old job never counts");
        assert_eq!(tickets(&next), [(0, 3, 0, "new")]);
        let (done, _) = pool.reply(0, next[0].ticket, 3);
        assert_eq!(done, Some(vec![3]));
        // An older generation than the lane's, or its own again, is ignored.
        assert!(pool.submit(0, 2, vec!["older"]).is_empty());
        assert!(pool.submit(0, 3, vec!["again"]).is_empty());
        assert!(!pool.is_working());
    }

    #[test]
    fn earlier_lanes_go_first_and_lanes_finish_apart() {
        let mut pool: Pool<&str, u32> = Pool::new(1, 2);
        let s = pool.submit(1, 1, vec!["seek"]);
        assert_eq!(tickets(&s), [(0, 1, 0, "seek")]);
        assert!(pool.submit(0, 1, vec!["run"]).is_empty());
        // The seek answers; the run (lane 0) goes next.
        let (done, next) = pool.reply(0, s[0].ticket, 7);
        assert_eq!(done, Some(vec![7]));
        assert_eq!(next[0].ticket.lane, 0);
        // A run job on lane 0 does not cancel the seek lane.
        let seek2 = pool.submit(1, 2, vec!["seek2"]);
        assert!(seek2.is_empty(), "the one worker is busy");
        let (done, next) = pool.reply(0, next[0].ticket, 8);
        assert_eq!(done, Some(vec![8]));
        assert_eq!(tickets(&next), [(0, 2, 0, "seek2")]);
    }

    #[test]
    fn an_empty_job_or_an_unknown_lane_sends_nothing() {
        let mut pool: Pool<&str, u32> = Pool::new(2, 1);
        assert!(pool.submit(0, 1, vec![]).is_empty());
        assert!(pool.submit(5, 1, vec!["x"]).is_empty());
        let stray = Ticket {
            lane: 9,
            generation: 1,
            index: 0,
        };
        assert_eq!(pool.reply(7, stray, 1), (None, vec![]));
    }
}
