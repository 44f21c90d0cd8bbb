//! Closed sets of names (issue codes, error kinds): each variant and its wire name written
//! once, with the list of all of them, the name, the lookup by name and serialisation as the
//! name. The TypeScript unions and js/closed.js are generated from the lists
//! ([`crate::typescript`]).

macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$doc:meta])* $variant:ident = $text:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $( $(#[$doc])* $variant, )+ }

        impl $name {
            /// Every member, in the order of the contract.
            pub const ALL: &'static [$name] = &[$( $name::$variant, )+];

            /// The name on the wire and in the JS API.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text, )+ }
            }

            /// The member a name stands for.
            pub fn parse(name: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|member| member.as_str() == name)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

pub(crate) use closed_set;
