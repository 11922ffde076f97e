//! Types in words and the labels of the reference, in Vietnamese and English.

use super::schema::Ty;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    Vi,
    En,
}

/// A link to a name's section (GitHub's heading anchor of `### Name`).
pub(crate) fn link(name: &str) -> String {
    format!("[{name}](#{})", name.to_lowercase())
}

/// The type of a field in words, e.g. "list of [Unit](#unit) objects" / "danh sách đối tượng
/// [Unit](#unit)".
pub(crate) fn ty(t: &Ty, lang: Lang) -> String {
    words(t, lang, false)
}

fn words(t: &Ty, lang: Lang, plural: bool) -> String {
    let en = lang == Lang::En;
    let s = if plural && en { "s" } else { "" };
    match t {
        Ty::Text => {
            if en {
                format!("text{s}")
            } else {
                "chuỗi văn bản".into()
            }
        }
        Ty::Date => {
            if en {
                format!("date{s} (YYYY-MM-DD)")
            } else {
                "ngày (NNNN-TT-NN)".into()
            }
        }
        Ty::Integer { non_negative: true } => {
            if en {
                format!("whole number{s} ≥ 0")
            } else {
                "số nguyên ≥ 0".into()
            }
        }
        Ty::Integer {
            non_negative: false,
        } => {
            if en {
                format!("whole number{s}")
            } else {
                "số nguyên".into()
            }
        }
        Ty::Number => {
            if en {
                format!("number{s}")
            } else {
                "số".into()
            }
        }
        Ty::Boolean => {
            if en {
                "true or false".into()
            } else {
                "đúng/sai (true/false)".into()
            }
        }
        Ty::Object(n) => {
            if en {
                format!("{} object{s}", link(n))
            } else {
                format!("đối tượng {}", link(n))
            }
        }
        Ty::Values(n) => {
            if en {
                format!(
                    "{} of {}",
                    if plural { "values" } else { "one value" },
                    link(n)
                )
            } else {
                format!(
                    "{} của {}",
                    if plural {
                        "các giá trị"
                    } else {
                        "một giá trị"
                    },
                    link(n)
                )
            }
        }
        Ty::Scalar(n) => {
            if en {
                format!("{} text{s}", link(n))
            } else {
                format!("chuỗi dạng {}", link(n))
            }
        }
        Ty::List(inner) => {
            if en {
                format!("list of {}", words(inner, lang, true))
            } else {
                format!("danh sách {}", words(inner, lang, true))
            }
        }
        Ty::Map(inner) => {
            if en {
                format!("map from text keys to {}", words(inner, lang, true))
            } else {
                format!(
                    "bảng tra: khóa là chuỗi, giá trị là {}",
                    words(inner, lang, false)
                )
            }
        }
    }
}

/// The fixed words of the reference.
pub(crate) struct Labels {
    pub(crate) title: &'static str,
    pub(crate) intro: &'static str,
    pub(crate) contents: &'static str,
    pub(crate) objects: &'static str,
    pub(crate) value_lists: &'static str,
    pub(crate) field: &'static str,
    pub(crate) ty: &'static str,
    pub(crate) required: &'static str,
    pub(crate) description: &'static str,
    pub(crate) yes: &'static str,
    pub(crate) no: &'static str,
    pub(crate) value: &'static str,
    pub(crate) meaning: &'static str,
    pub(crate) values: &'static str,
    pub(crate) default: &'static str,
    pub(crate) example: &'static str,
    pub(crate) pattern: &'static str,
    pub(crate) object_value: &'static str,
}

pub(crate) fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Vi => Labels {
            title: "Tra cứu hồ sơ HTQLCL: mọi đối tượng và trường",
            intro: "Mọi đối tượng và trường của tệp hồ sơ HTQLCL (tệp JSON mà `qms` đọc), bắt đầu từ cấp \
                    cao nhất [Dossier](#dossier). Trường *bắt buộc* phải có mặt; trường không bắt buộc có thể \
                    bỏ đi (hoặc ghi `null`). \"(mã người)\", \"(mã đơn vị)\"... nghĩa là giá trị là `id` \
                    của một người, một đơn vị... có trong hồ sơ. Ví dụ lấy từ các hồ sơ mẫu trong \
                    `examples/`. Xem cách dùng trong [hướng dẫn](guide.vi.md); English: \
                    [reference.en.md](reference.en.md).",
            contents: "Mục lục",
            objects: "Đối tượng",
            value_lists: "Danh sách giá trị",
            field: "Trường",
            ty: "Kiểu",
            required: "Bắt buộc",
            description: "Mô tả",
            yes: "có",
            no: "không",
            value: "Giá trị",
            meaning: "Ý nghĩa",
            values: "Giá trị cho phép",
            default: "Mặc định",
            example: "Ví dụ",
            pattern: "Chuỗi khớp biểu thức chính quy",
            object_value: "đối tượng",
        },
        Lang::En => Labels {
            title: "Dossier reference: every object and field",
            intro: "Every object and field of the dossier (the JSON file `qms` reads), starting from the \
                    top-level [Dossier](#dossier). A *required* field must be present; an optional one may \
                    be left out (or be `null`). \"(a person id)\", \"(a unit id)\"... means the value is \
                    the `id` of such a record in the dossier. Examples come from the bundled dossiers in \
                    `examples/`. How to use them: the [guide](guide.en.md); tiếng Việt: \
                    [reference.vi.md](reference.vi.md).",
            contents: "Contents",
            objects: "Objects",
            value_lists: "Value lists",
            field: "Field",
            ty: "Type",
            required: "Required",
            description: "Description",
            yes: "yes",
            no: "no",
            value: "Value",
            meaning: "Meaning",
            values: "Values",
            default: "Default",
            example: "Example",
            pattern: "Text matching the regular expression",
            object_value: "object",
        },
    }
}
