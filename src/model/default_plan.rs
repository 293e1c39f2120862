//! The default plan.
use super::plan::Plan;
pub fn default_plan() -> Plan { todo!() }
