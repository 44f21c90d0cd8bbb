//! Typed request and response bodies, with the service's own key names. Responses keep the
//! fields this version does not know (`extra`), and their enums keep unknown values.

pub mod enums;
pub mod request;
pub mod response;

pub use enums::*;
pub use request::*;
pub use response::*;
