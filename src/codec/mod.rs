//! Share links, plan files and local storage formats. Not the model.

pub mod csv;
