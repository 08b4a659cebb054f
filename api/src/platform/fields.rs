//! Each form's fields as a type, so that a refusal names its field in a way both the server and
//! the browser check at compile time.

/// The fields of one form (or one endpoint's parameters). A refusal of a bad parameter names one
/// of them; the browser reads it back with [`crate::ApiError::field`] and matches on the enum.
pub trait FormField: Copy + Sized + 'static {
    /// Every field of the form.
    const ALL: &'static [Self];

    /// The field's name on the wire, as in the request body or query (`contact.phone` for a
    /// nested one).
    fn name(self) -> &'static str;

    /// The field a wire name stands for, if it is one of this form's.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|field| field.name() == name)
    }
}

/// Declares a form's fields: `form_fields! { pub enum BookingField { Name = "name", … } }` makes
/// the enum and its [`FormField`] implementation.
#[macro_export]
macro_rules! form_fields {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $crate::platform::fields::FormField for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];

            fn name(self) -> &'static str {
                match self {
                    $( $name::$variant => $wire ),+
                }
            }
        }
    };
}

crate::form_fields! {
    /// The request as a whole, when no one field is at fault.
    pub enum RequestField {
        /// The body: too large, or not the JSON object expected.
        Body = "body",
        /// The query string.
        Query = "query",
    }
}

crate::form_fields! {
    /// The paging parameter every list shares.
    pub enum ListField {
        /// The page number, from 1.
        Page = "page",
    }
}

#[cfg(test)]
mod tests {
    use super::FormField;

    crate::form_fields! {
        /// A form for the test.
        enum Sample {
            /// A plain field.
            Name = "name",
            /// A nested one.
            Phone = "contact.phone",
        }
    }

    #[test]
    fn a_field_reads_back_from_its_wire_name_and_nothing_else_does() {
        for field in Sample::ALL {
            assert_eq!(Sample::from_name(field.name()), Some(*field));
        }
        assert_eq!(Sample::from_name("contact.phone"), Some(Sample::Phone));
        assert_eq!(Sample::from_name("phone"), None);
        assert_eq!(Sample::from_name(""), None);
    }
}
