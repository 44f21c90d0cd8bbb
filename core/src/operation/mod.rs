//! The operation registry. Each EIP operation is one module holding its [`Spec`]: method, path,
//! input table and cross-field conditions, the answer's shape, whether repeating it is safe,
//! its JS name and client methods, and typed `build`/`parse` functions for Rust callers.
//! Request building ([`Call`]), the retry policy, the wasm binding's dispatch, the TypeScript
//! declarations and the JS client's methods all read the registry, so adding an operation
//! means one line in `registry!` below and one module.
//!
//! The caller sends the built request with whatever transport it has, after
//! [`crate::auth::authorize`] adds the credentials.

mod call;
pub mod iam_token;
mod spec;

pub use call::{Call, Config, parse_answer};
pub use spec::{Answer, ClientMethod, Input, PUBLICIP, Param, Shape, Spec};

use crate::error::Error;
use crate::http::Response;
use crate::schema::{Condition, Field, Rule};
use serde_json::Value;

macro_rules! registry {
    ($($(#[$doc:meta])* $variant:ident => $module:ident,)+) => {
        $(pub mod $module;)+

        /// Every EIP operation eipkit sends, in the order the API reference shows them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Operation {
            $($(#[$doc])* $variant,)+
        }

        impl Operation {
            pub const ALL: [Operation; [$(stringify!($variant)),+].len()] = [$(Operation::$variant),+];

            /// The registry entry: the operation's module's `SPEC`.
            pub fn spec(self) -> &'static Spec {
                match self {
                    $(Operation::$variant => &$module::SPEC,)+
                }
            }
        }
    };
}

registry! {
    /// `POST /v1/{project_id}/publicips` (pay per use) [000].
    CreatePublicip => create_publicip,
    /// `POST /v2.0/{project_id}/publicips` (prepaid, or pay per use with `extendParam`) [003].
    CreatePrepaidPublicip => create_prepaid_publicip,
    /// `PUT /v1/{project_id}/publicips/{publicip_id}` (bind, unbind, convert) [004].
    UpdatePublicip => update_publicip,
    /// `GET /v1/{project_id}/publicips/{publicip_id}`.
    ShowPublicip => show_publicip,
    /// `DELETE /v1/{project_id}/publicips/{publicip_id}`.
    DeletePublicip => delete_publicip,
    /// `GET /v1/{project_id}/publicips`, with a validated query.
    ListPublicips => list_publicips,
    /// `GET /v1/{project_id}/ports` (VPC), with a validated query [000].
    ListPorts => list_ports,
}

impl Operation {
    /// Its name in the JS API (`createPublicip`).
    pub fn js_name(self) -> &'static str {
        self.spec().name
    }

    /// The operation called `name` in JS.
    pub fn from_js_name(name: &str) -> Option<Operation> {
        Operation::ALL.into_iter().find(|op| op.js_name() == name)
    }

    /// The operations that take a body or a query, which eipkit validates.
    pub fn with_input() -> impl Iterator<Item = Operation> {
        Operation::ALL.into_iter().filter(|op| op.spec().input.table().is_some())
    }

    /// The client method called `name` in JS, and the operation it sends.
    pub fn client_method(name: &str) -> Option<(Operation, ClientMethod)> {
        Operation::ALL.into_iter().find_map(|op| op.spec().client_methods().find(|m| m.name == name).map(|m| (op, m)))
    }

    /// The input's top-level fields (none for an operation without input).
    pub fn fields(self) -> &'static [Field] {
        self.spec().input.table().map_or(&[], |table| table.fields)
    }

    /// The rules that relate fields of its input, in the order they are checked.
    pub fn conditions(self) -> &'static [&'static [Condition]] {
        self.spec().conditions
    }

    /// Finds the field at a dotted path, e.g. `"bandwidth.size"`.
    pub fn field(self, path: &str) -> Option<&'static Field> {
        let mut fields = self.fields();
        let mut found = None;
        for key in path.split('.') {
            let field = fields.iter().find(|f| f.key == key)?;
            fields = match field.rule {
                Rule::Object(table) => table.fields,
                _ => &[],
            };
            found = Some(field);
        }
        found
    }

    /// A success answer's JSON, checked for the shape the library relies on; or the service's
    /// error. The wire JSON, as the JS API returns it.
    pub fn parse_value(self, response: &Response) -> Result<Value, Error> {
        parse_answer(&self.spec().answer, response)
    }
}
