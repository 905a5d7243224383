// @generated from schema/mindz.yaml by `cargo xtask generate` (mindz-codegen/src/cli.rs). Do not edit by hand: change the schema or mindz-codegen and regenerate.

use crate::call::Call;
use crate::exit::CliError;
use crate::ops::{Body, Field, Op, Param};
/// Every resource (`mindz <resource>`), with its description, in the
/// schema's order.
pub const RESOURCES: &[(&str, &str)] = &[
    ("course", "Course operations."),
    ("bundle", "Bundle operations."),
    ("course-grade", "Course Grade operations."),
    ("course-grade-detail", "Course Grade Detail operations."),
    ("course-teacher", "Course Teacher operations."),
    ("email", "Email operations."),
    ("email-campaign", "Email Campaign operations."),
    ("email-campaign-course", "Email Campaign Course operations."),
    ("email-campaign-excluded-course", "Email Campaign Excluded Course operations."),
    ("email-campaign-excluded-list", "Email Campaign Excluded List operations."),
    ("email-campaign-excluded-plan", "Email Campaign Excluded Plan operations."),
    ("email-campaign-list", "Email Campaign List operations."),
    ("email-campaign-plan", "Email Campaign Plan operations."),
    ("email-list", "Email List operations."),
    ("enroll", "Enroll operations."),
    ("mindzpay-account", "MindzPay Account operations."),
    ("mindzpay-invoice", "MindzPay Invoice operations."),
    ("mindzpay-payment", "MindzPay Payment operations."),
    ("mindzpay-subscription", "MindzPay Subscription operations."),
    ("subscription", "Subscription operations."),
    ("team", "Team operations."),
    ("user", "User operations."),
    ("public", "The public API: no credentials."),
];
/// Every operation as a command, sorted by operation id.
pub const OPS: &[Op] = &[
    Op {
        id: "bundle_create",
        resource: "bundle",
        action: "create",
        summary: "Create a Bundle record.",
        description: "Creates a Bundle record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/bundles/",
        paginated: false,
        params: &[],
        body: Some(Body {
            fields: &[
                Field {
                    name: "access_days",
                    flag: "access-days",
                    help: "Days of access after purchase (0 = unlimited).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "courses",
                    flag: "courses",
                    help: "Ids of the courses in the bundle.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "description",
                    flag: "description",
                    help: "Long description (HTML allowed).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "image",
                    flag: "image",
                    help: "Cover image URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "launch_date",
                    flag: "launch-date",
                    help: "When it becomes available.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Title shown to students.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "price",
                    flag: "price",
                    help: "Price in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "short_description",
                    flag: "short-description",
                    help: "One-line summary.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "slug",
                    flag: "slug",
                    help: "URL-friendly identifier.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video",
                    flag: "video",
                    help: "Presentation video URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "bundle_delete",
        resource: "bundle",
        action: "delete",
        summary: "Delete a Bundle record.",
        description: "Deletes a Bundle record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/bundles/{bundle_id}/",
        paginated: false,
        params: &[
            Param {
                name: "bundle_id",
                flag: "bundle-id",
                help: "Bundle id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "bundle_get",
        resource: "bundle",
        action: "get",
        summary: "Get one Bundle record.",
        description: "Returns one Bundle record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/bundles/{bundle_id}/",
        paginated: false,
        params: &[
            Param {
                name: "bundle_id",
                flag: "bundle-id",
                help: "Bundle id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "bundle_list",
        resource: "bundle",
        action: "list",
        summary: "List Bundle records.",
        description: "Returns one page of Bundle records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/bundles/",
        paginated: true,
        params: &[
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                    "name",
                    "-name",
                    "price",
                    "-price",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "bundle_partial_update",
        resource: "bundle",
        action: "partial-update",
        summary: "Change some fields of a Bundle record.",
        description: "Changes the given fields of a Bundle record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/bundles/{bundle_id}/",
        paginated: false,
        params: &[
            Param {
                name: "bundle_id",
                flag: "bundle-id",
                help: "Bundle id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "access_days",
                    flag: "access-days",
                    help: "Days of access after purchase (0 = unlimited).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "courses",
                    flag: "courses",
                    help: "Ids of the courses in the bundle.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "description",
                    flag: "description",
                    help: "Long description (HTML allowed).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "image",
                    flag: "image",
                    help: "Cover image URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "launch_date",
                    flag: "launch-date",
                    help: "When it becomes available.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Title shown to students.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "price",
                    flag: "price",
                    help: "Price in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "short_description",
                    flag: "short-description",
                    help: "One-line summary.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "slug",
                    flag: "slug",
                    help: "URL-friendly identifier.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video",
                    flag: "video",
                    help: "Presentation video URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "bundle_update",
        resource: "bundle",
        action: "update",
        summary: "Replace a Bundle record (required fields must be sent).",
        description: "Replaces the writable fields of a Bundle record and returns the result. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PUT",
        path: "/v2/bundles/{bundle_id}/",
        paginated: false,
        params: &[
            Param {
                name: "bundle_id",
                flag: "bundle-id",
                help: "Bundle id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "access_days",
                    flag: "access-days",
                    help: "Days of access after purchase (0 = unlimited).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "courses",
                    flag: "courses",
                    help: "Ids of the courses in the bundle.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "description",
                    flag: "description",
                    help: "Long description (HTML allowed).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "image",
                    flag: "image",
                    help: "Cover image URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "launch_date",
                    flag: "launch-date",
                    help: "When it becomes available.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Title shown to students.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "price",
                    flag: "price",
                    help: "Price in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "short_description",
                    flag: "short-description",
                    help: "One-line summary.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "slug",
                    flag: "slug",
                    help: "URL-friendly identifier.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video",
                    flag: "video",
                    help: "Presentation video URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_create",
        resource: "course",
        action: "create",
        summary: "Create a Course record.",
        description: "Creates a Course record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/courses/",
        paginated: false,
        params: &[],
        body: Some(Body {
            fields: &[
                Field {
                    name: "access_days",
                    flag: "access-days",
                    help: "Days of access after purchase (0 = unlimited).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "active",
                    flag: "active",
                    help: "Whether the course is published.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "description",
                    flag: "description",
                    help: "Long description (HTML allowed).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "image",
                    flag: "image",
                    help: "Cover image URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "launch_date",
                    flag: "launch-date",
                    help: "When it becomes available.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Title shown to students.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "price",
                    flag: "price",
                    help: "Price in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "short_description",
                    flag: "short-description",
                    help: "One-line summary.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "slug",
                    flag: "slug",
                    help: "URL-friendly identifier.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video",
                    flag: "video",
                    help: "Presentation video URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_delete",
        resource: "course",
        action: "delete",
        summary: "Delete a Course record.",
        description: "Deletes a Course record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/courses/{course_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_get",
        resource: "course",
        action: "get",
        summary: "Get one Course record.",
        description: "Returns one Course record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/courses/{course_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_grade_create",
        resource: "course-grade",
        action: "create",
        summary: "Create a Course Grade record.",
        description: "Creates a CourseGrade record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/courses/{course_id}/grades/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "name",
                    flag: "name",
                    help: "Section title.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "order",
                    flag: "order",
                    help: "Position inside the course.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_grade_delete",
        resource: "course-grade",
        action: "delete",
        summary: "Delete a Course Grade record.",
        description: "Deletes a CourseGrade record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/courses/{course_id}/grades/{grade_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "grade_id",
                flag: "grade-id",
                help: "Curriculum section id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_grade_detail_create",
        resource: "course-grade-detail",
        action: "create",
        summary: "Create a Course Grade Detail record.",
        description: "Creates a CourseGradeDetail record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/courses/{course_id}/grades/{grade_id}/details/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "grade_id",
                flag: "grade-id",
                help: "Curriculum section id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "kind",
                    flag: "kind",
                    help: "What the item is.",
                    required: false,
                    string: true,
                    password: false,
                    values: &["lesson", "quiz", "file", "live"],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Item title.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "order",
                    flag: "order",
                    help: "Position inside the section.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_grade_detail_delete",
        resource: "course-grade-detail",
        action: "delete",
        summary: "Delete a Course Grade Detail record.",
        description: "Deletes a CourseGradeDetail record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/courses/{course_id}/grades/{grade_id}/details/{detail_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "grade_id",
                flag: "grade-id",
                help: "Curriculum section id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "detail_id",
                flag: "detail-id",
                help: "Curriculum item id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_grade_detail_get",
        resource: "course-grade-detail",
        action: "get",
        summary: "Get one Course Grade Detail record.",
        description: "Returns one CourseGradeDetail record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/courses/{course_id}/grades/{grade_id}/details/{detail_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "grade_id",
                flag: "grade-id",
                help: "Curriculum section id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "detail_id",
                flag: "detail-id",
                help: "Curriculum item id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_grade_detail_list",
        resource: "course-grade-detail",
        action: "list",
        summary: "List Course Grade Detail records.",
        description: "Returns one page of CourseGradeDetail records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/courses/{course_id}/grades/{grade_id}/details/",
        paginated: true,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "grade_id",
                flag: "grade-id",
                help: "Curriculum section id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                    "order",
                    "-order",
                    "name",
                    "-name",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_grade_detail_partial_update",
        resource: "course-grade-detail",
        action: "partial-update",
        summary: "Change some fields of a Course Grade Detail record.",
        description: "Changes the given fields of a CourseGradeDetail record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/courses/{course_id}/grades/{grade_id}/details/{detail_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "grade_id",
                flag: "grade-id",
                help: "Curriculum section id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "detail_id",
                flag: "detail-id",
                help: "Curriculum item id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "kind",
                    flag: "kind",
                    help: "What the item is.",
                    required: false,
                    string: true,
                    password: false,
                    values: &["lesson", "quiz", "file", "live"],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Item title.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "order",
                    flag: "order",
                    help: "Position inside the section.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_grade_detail_update",
        resource: "course-grade-detail",
        action: "update",
        summary: "Replace a Course Grade Detail record (required fields must be sent).",
        description: "Replaces the writable fields of a CourseGradeDetail record and returns the result. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PUT",
        path: "/v2/courses/{course_id}/grades/{grade_id}/details/{detail_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "grade_id",
                flag: "grade-id",
                help: "Curriculum section id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "detail_id",
                flag: "detail-id",
                help: "Curriculum item id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "kind",
                    flag: "kind",
                    help: "What the item is.",
                    required: false,
                    string: true,
                    password: false,
                    values: &["lesson", "quiz", "file", "live"],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Item title.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "order",
                    flag: "order",
                    help: "Position inside the section.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_grade_get",
        resource: "course-grade",
        action: "get",
        summary: "Get one Course Grade record.",
        description: "Returns one CourseGrade record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/courses/{course_id}/grades/{grade_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "grade_id",
                flag: "grade-id",
                help: "Curriculum section id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_grade_list",
        resource: "course-grade",
        action: "list",
        summary: "List Course Grade records.",
        description: "Returns one page of CourseGrade records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/courses/{course_id}/grades/",
        paginated: true,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                    "order",
                    "-order",
                    "name",
                    "-name",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_grade_partial_update",
        resource: "course-grade",
        action: "partial-update",
        summary: "Change some fields of a Course Grade record.",
        description: "Changes the given fields of a CourseGrade record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/courses/{course_id}/grades/{grade_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "grade_id",
                flag: "grade-id",
                help: "Curriculum section id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "name",
                    flag: "name",
                    help: "Section title.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "order",
                    flag: "order",
                    help: "Position inside the course.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_grade_update",
        resource: "course-grade",
        action: "update",
        summary: "Replace a Course Grade record (required fields must be sent).",
        description: "Replaces the writable fields of a CourseGrade record and returns the result. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PUT",
        path: "/v2/courses/{course_id}/grades/{grade_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "grade_id",
                flag: "grade-id",
                help: "Curriculum section id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "name",
                    flag: "name",
                    help: "Section title.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "order",
                    flag: "order",
                    help: "Position inside the course.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_list",
        resource: "course",
        action: "list",
        summary: "List Course records.",
        description: "Returns one page of Course records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/courses/",
        paginated: true,
        params: &[
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                    "name",
                    "-name",
                    "price",
                    "-price",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_partial_update",
        resource: "course",
        action: "partial-update",
        summary: "Change some fields of a Course record.",
        description: "Changes the given fields of a Course record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/courses/{course_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "access_days",
                    flag: "access-days",
                    help: "Days of access after purchase (0 = unlimited).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "active",
                    flag: "active",
                    help: "Whether the course is published.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "description",
                    flag: "description",
                    help: "Long description (HTML allowed).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "image",
                    flag: "image",
                    help: "Cover image URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "launch_date",
                    flag: "launch-date",
                    help: "When it becomes available.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Title shown to students.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "price",
                    flag: "price",
                    help: "Price in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "short_description",
                    flag: "short-description",
                    help: "One-line summary.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "slug",
                    flag: "slug",
                    help: "URL-friendly identifier.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video",
                    flag: "video",
                    help: "Presentation video URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_teacher_create",
        resource: "course-teacher",
        action: "create",
        summary: "Create a Course Teacher record.",
        description: "Creates a CourseTeacher record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/courses/{course_id}/teachers/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "community_notification",
                    flag: "community-notification",
                    help: "Notified of community activity.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "financial",
                    flag: "financial",
                    help: "Receives a share of sales.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "grader",
                    flag: "grader",
                    help: "Grades assignments.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "news",
                    flag: "news",
                    help: "May post course news.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "profile_viewer",
                    flag: "profile-viewer",
                    help: "May view student profiles.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "teacher_visualization",
                    flag: "teacher-visualization",
                    help: "Shown as teacher on the course page.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "tutor",
                    flag: "tutor",
                    help: "Answers students' questions.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "user",
                    flag: "user",
                    help: "User who teaches the course.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_teacher_delete",
        resource: "course-teacher",
        action: "delete",
        summary: "Delete a Course Teacher record.",
        description: "Deletes a CourseTeacher record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/courses/{course_id}/teachers/{teacher_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "teacher_id",
                flag: "teacher-id",
                help: "Course-teacher record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_teacher_get",
        resource: "course-teacher",
        action: "get",
        summary: "Get one Course Teacher record.",
        description: "Returns one CourseTeacher record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/courses/{course_id}/teachers/{teacher_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "teacher_id",
                flag: "teacher-id",
                help: "Course-teacher record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_teacher_list",
        resource: "course-teacher",
        action: "list",
        summary: "List Course Teacher records.",
        description: "Returns one page of CourseTeacher records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/courses/{course_id}/teachers/",
        paginated: true,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "course_teacher_partial_update",
        resource: "course-teacher",
        action: "partial-update",
        summary: "Change some fields of a Course Teacher record.",
        description: "Changes the given fields of a CourseTeacher record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/courses/{course_id}/teachers/{teacher_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "teacher_id",
                flag: "teacher-id",
                help: "Course-teacher record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "community_notification",
                    flag: "community-notification",
                    help: "Notified of community activity.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "financial",
                    flag: "financial",
                    help: "Receives a share of sales.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "grader",
                    flag: "grader",
                    help: "Grades assignments.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "news",
                    flag: "news",
                    help: "May post course news.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "profile_viewer",
                    flag: "profile-viewer",
                    help: "May view student profiles.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "teacher_visualization",
                    flag: "teacher-visualization",
                    help: "Shown as teacher on the course page.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "tutor",
                    flag: "tutor",
                    help: "Answers students' questions.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "user",
                    flag: "user",
                    help: "User who teaches the course.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_teacher_update",
        resource: "course-teacher",
        action: "update",
        summary: "Replace a Course Teacher record (required fields must be sent).",
        description: "Replaces the writable fields of a CourseTeacher record and returns the result. Shown in public Mindz material.",
        method: "PUT",
        path: "/v2/courses/{course_id}/teachers/{teacher_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "teacher_id",
                flag: "teacher-id",
                help: "Course-teacher record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "community_notification",
                    flag: "community-notification",
                    help: "Notified of community activity.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "financial",
                    flag: "financial",
                    help: "Receives a share of sales.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "grader",
                    flag: "grader",
                    help: "Grades assignments.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "news",
                    flag: "news",
                    help: "May post course news.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "profile_viewer",
                    flag: "profile-viewer",
                    help: "May view student profiles.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "teacher_visualization",
                    flag: "teacher-visualization",
                    help: "Shown as teacher on the course page.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "tutor",
                    flag: "tutor",
                    help: "Answers students' questions.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "user",
                    flag: "user",
                    help: "User who teaches the course.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "course_update",
        resource: "course",
        action: "update",
        summary: "Replace a Course record (required fields must be sent).",
        description: "Replaces the writable fields of a Course record and returns the result. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PUT",
        path: "/v2/courses/{course_id}/",
        paginated: false,
        params: &[
            Param {
                name: "course_id",
                flag: "course-id",
                help: "Course id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "access_days",
                    flag: "access-days",
                    help: "Days of access after purchase (0 = unlimited).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "active",
                    flag: "active",
                    help: "Whether the course is published.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "description",
                    flag: "description",
                    help: "Long description (HTML allowed).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "image",
                    flag: "image",
                    help: "Cover image URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "launch_date",
                    flag: "launch-date",
                    help: "When it becomes available.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Title shown to students.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "price",
                    flag: "price",
                    help: "Price in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "short_description",
                    flag: "short-description",
                    help: "One-line summary.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "slug",
                    flag: "slug",
                    help: "URL-friendly identifier.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video",
                    flag: "video",
                    help: "Presentation video URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_campaign_course_create",
        resource: "email-campaign-course",
        action: "create",
        summary: "Create a Email Campaign Course record.",
        description: "Creates a EmailCampaignCourse record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/email-campaigns/{email_campaign_id}/courses/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "course",
                    flag: "course",
                    help: "Course whose students receive the campaign.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_campaign_course_delete",
        resource: "email-campaign-course",
        action: "delete",
        summary: "Delete a Email Campaign Course record.",
        description: "Deletes a EmailCampaignCourse record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/email-campaigns/{email_campaign_id}/courses/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_course_get",
        resource: "email-campaign-course",
        action: "get",
        summary: "Get one Email Campaign Course record.",
        description: "Returns one EmailCampaignCourse record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/courses/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_course_list",
        resource: "email-campaign-course",
        action: "list",
        summary: "List Email Campaign Course records.",
        description: "Returns one page of EmailCampaignCourse records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/courses/",
        paginated: true,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_create",
        resource: "email-campaign",
        action: "create",
        summary: "Create a Email Campaign record.",
        description: "Creates a EmailCampaign record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/email-campaigns/",
        paginated: false,
        params: &[],
        body: Some(Body {
            fields: &[
                Field {
                    name: "content",
                    flag: "content",
                    help: "HTML body.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Internal campaign name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "send_at",
                    flag: "send-at",
                    help: "Scheduled send time.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "subject",
                    flag: "subject",
                    help: "Email subject line.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_campaign_delete",
        resource: "email-campaign",
        action: "delete",
        summary: "Delete a Email Campaign record.",
        description: "Deletes a EmailCampaign record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/email-campaigns/{email_campaign_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_excluded_course_create",
        resource: "email-campaign-excluded-course",
        action: "create",
        summary: "Create a Email Campaign Excluded Course record.",
        description: "Creates a EmailCampaignExcludedCourse record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-courses/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "course",
                    flag: "course",
                    help: "Course whose students are excluded.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_campaign_excluded_course_delete",
        resource: "email-campaign-excluded-course",
        action: "delete",
        summary: "Delete a Email Campaign Excluded Course record.",
        description: "Deletes a EmailCampaignExcludedCourse record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-courses/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_excluded_course_get",
        resource: "email-campaign-excluded-course",
        action: "get",
        summary: "Get one Email Campaign Excluded Course record.",
        description: "Returns one EmailCampaignExcludedCourse record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-courses/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_excluded_course_list",
        resource: "email-campaign-excluded-course",
        action: "list",
        summary: "List Email Campaign Excluded Course records.",
        description: "Returns one page of EmailCampaignExcludedCourse records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-courses/",
        paginated: true,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_excluded_list_create",
        resource: "email-campaign-excluded-list",
        action: "create",
        summary: "Create a Email Campaign Excluded List record.",
        description: "Creates a EmailCampaignExcludedList record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-lists/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "email_list",
                    flag: "email-list",
                    help: "Email list whose addresses are excluded.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_campaign_excluded_list_delete",
        resource: "email-campaign-excluded-list",
        action: "delete",
        summary: "Delete a Email Campaign Excluded List record.",
        description: "Deletes a EmailCampaignExcludedList record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-lists/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_excluded_list_get",
        resource: "email-campaign-excluded-list",
        action: "get",
        summary: "Get one Email Campaign Excluded List record.",
        description: "Returns one EmailCampaignExcludedList record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-lists/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_excluded_list_list",
        resource: "email-campaign-excluded-list",
        action: "list",
        summary: "List Email Campaign Excluded List records.",
        description: "Returns one page of EmailCampaignExcludedList records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Shown in public Mindz material.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-lists/",
        paginated: true,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_excluded_plan_create",
        resource: "email-campaign-excluded-plan",
        action: "create",
        summary: "Create a Email Campaign Excluded Plan record.",
        description: "Creates a EmailCampaignExcludedPlan record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-plans/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "plan",
                    flag: "plan",
                    help: "Subscription plan whose subscribers are excluded.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_campaign_excluded_plan_delete",
        resource: "email-campaign-excluded-plan",
        action: "delete",
        summary: "Delete a Email Campaign Excluded Plan record.",
        description: "Deletes a EmailCampaignExcludedPlan record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-plans/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_excluded_plan_get",
        resource: "email-campaign-excluded-plan",
        action: "get",
        summary: "Get one Email Campaign Excluded Plan record.",
        description: "Returns one EmailCampaignExcludedPlan record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-plans/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_excluded_plan_list",
        resource: "email-campaign-excluded-plan",
        action: "list",
        summary: "List Email Campaign Excluded Plan records.",
        description: "Returns one page of EmailCampaignExcludedPlan records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/excluded-plans/",
        paginated: true,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_get",
        resource: "email-campaign",
        action: "get",
        summary: "Get one Email Campaign record.",
        description: "Returns one EmailCampaign record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_list",
        resource: "email-campaign",
        action: "list",
        summary: "List Email Campaign records.",
        description: "Returns one page of EmailCampaign records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/",
        paginated: true,
        params: &[
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                    "name",
                    "-name",
                    "send_at",
                    "-send_at",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_list_create",
        resource: "email-campaign-list",
        action: "create",
        summary: "Create a Email Campaign List record.",
        description: "Creates a EmailCampaignList record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/email-campaigns/{email_campaign_id}/lists/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "email_list",
                    flag: "email-list",
                    help: "Email list that receives the campaign.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_campaign_list_delete",
        resource: "email-campaign-list",
        action: "delete",
        summary: "Delete a Email Campaign List record.",
        description: "Deletes a EmailCampaignList record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/email-campaigns/{email_campaign_id}/lists/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_list_get",
        resource: "email-campaign-list",
        action: "get",
        summary: "Get one Email Campaign List record.",
        description: "Returns one EmailCampaignList record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/lists/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_list_list",
        resource: "email-campaign-list",
        action: "list",
        summary: "List Email Campaign List records.",
        description: "Returns one page of EmailCampaignList records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/lists/",
        paginated: true,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_partial_update",
        resource: "email-campaign",
        action: "partial-update",
        summary: "Change some fields of a Email Campaign record.",
        description: "Changes the given fields of a EmailCampaign record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/email-campaigns/{email_campaign_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "content",
                    flag: "content",
                    help: "HTML body.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Internal campaign name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "send_at",
                    flag: "send-at",
                    help: "Scheduled send time.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "subject",
                    flag: "subject",
                    help: "Email subject line.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_campaign_plan_create",
        resource: "email-campaign-plan",
        action: "create",
        summary: "Create a Email Campaign Plan record.",
        description: "Creates a EmailCampaignPlan record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/email-campaigns/{email_campaign_id}/plans/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "plan",
                    flag: "plan",
                    help: "Subscription plan whose subscribers receive the campaign.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_campaign_plan_delete",
        resource: "email-campaign-plan",
        action: "delete",
        summary: "Delete a Email Campaign Plan record.",
        description: "Deletes a EmailCampaignPlan record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/email-campaigns/{email_campaign_id}/plans/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_plan_get",
        resource: "email-campaign-plan",
        action: "get",
        summary: "Get one Email Campaign Plan record.",
        description: "Returns one EmailCampaignPlan record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/plans/{link_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "link_id",
                flag: "link-id",
                help: "Link record id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_plan_list",
        resource: "email-campaign-plan",
        action: "list",
        summary: "List Email Campaign Plan records.",
        description: "Returns one page of EmailCampaignPlan records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-campaigns/{email_campaign_id}/plans/",
        paginated: true,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_campaign_update",
        resource: "email-campaign",
        action: "update",
        summary: "Replace a Email Campaign record (required fields must be sent).",
        description: "Replaces the writable fields of a EmailCampaign record and returns the result. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PUT",
        path: "/v2/email-campaigns/{email_campaign_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_campaign_id",
                flag: "email-campaign-id",
                help: "Campaign id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "content",
                    flag: "content",
                    help: "HTML body.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Internal campaign name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "send_at",
                    flag: "send-at",
                    help: "Scheduled send time.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "subject",
                    flag: "subject",
                    help: "Email subject line.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_create",
        resource: "email",
        action: "create",
        summary: "Create a Email record.",
        description: "Creates a Email record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/email-lists/{email_list_id}/emails/",
        paginated: false,
        params: &[
            Param {
                name: "email_list_id",
                flag: "email-list-id",
                help: "Email list id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "email",
                    flag: "email",
                    help: "Subscriber address.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "first_name",
                    flag: "first-name",
                    help: "Subscriber first name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "last_name",
                    flag: "last-name",
                    help: "Subscriber last name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_delete",
        resource: "email",
        action: "delete",
        summary: "Delete a Email record.",
        description: "Deletes a Email record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/email-lists/{email_list_id}/emails/{email_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_list_id",
                flag: "email-list-id",
                help: "Email list id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "email_id",
                flag: "email-id",
                help: "Email (subscriber) id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_get",
        resource: "email",
        action: "get",
        summary: "Get one Email record.",
        description: "Returns one Email record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-lists/{email_list_id}/emails/{email_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_list_id",
                flag: "email-list-id",
                help: "Email list id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "email_id",
                flag: "email-id",
                help: "Email (subscriber) id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_list",
        resource: "email",
        action: "list",
        summary: "List Email records.",
        description: "Returns one page of Email records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Shown in public Mindz material.",
        method: "GET",
        path: "/v2/email-lists/{email_list_id}/emails/",
        paginated: true,
        params: &[
            Param {
                name: "email_list_id",
                flag: "email-list-id",
                help: "Email list id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "created_at",
                    "-created_at",
                    "id",
                    "-id",
                    "email",
                    "-email",
                    "updated_at",
                    "-updated_at",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_list_create",
        resource: "email-list",
        action: "create",
        summary: "Create a Email List record.",
        description: "Creates a EmailList record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/email-lists/",
        paginated: false,
        params: &[],
        body: Some(Body {
            fields: &[
                Field {
                    name: "code",
                    flag: "code",
                    help: "Short code used by the public newsletter endpoint (email_list_code).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "List name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_list_delete",
        resource: "email-list",
        action: "delete",
        summary: "Delete a Email List record.",
        description: "Deletes a EmailList record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/email-lists/{email_list_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_list_id",
                flag: "email-list-id",
                help: "Email list id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_list_get",
        resource: "email-list",
        action: "get",
        summary: "Get one Email List record.",
        description: "Returns one EmailList record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-lists/{email_list_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_list_id",
                flag: "email-list-id",
                help: "Email list id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_list_list",
        resource: "email-list",
        action: "list",
        summary: "List Email List records.",
        description: "Returns one page of EmailList records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/email-lists/",
        paginated: true,
        params: &[
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                    "name",
                    "-name",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "email_list_partial_update",
        resource: "email-list",
        action: "partial-update",
        summary: "Change some fields of a Email List record.",
        description: "Changes the given fields of a EmailList record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/email-lists/{email_list_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_list_id",
                flag: "email-list-id",
                help: "Email list id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "code",
                    flag: "code",
                    help: "Short code used by the public newsletter endpoint (email_list_code).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "List name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_list_update",
        resource: "email-list",
        action: "update",
        summary: "Replace a Email List record (required fields must be sent).",
        description: "Replaces the writable fields of a EmailList record and returns the result. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PUT",
        path: "/v2/email-lists/{email_list_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_list_id",
                flag: "email-list-id",
                help: "Email list id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "code",
                    flag: "code",
                    help: "Short code used by the public newsletter endpoint (email_list_code).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "List name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_partial_update",
        resource: "email",
        action: "partial-update",
        summary: "Change some fields of a Email record.",
        description: "Changes the given fields of a Email record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/email-lists/{email_list_id}/emails/{email_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_list_id",
                flag: "email-list-id",
                help: "Email list id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "email_id",
                flag: "email-id",
                help: "Email (subscriber) id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "email",
                    flag: "email",
                    help: "Subscriber address.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "first_name",
                    flag: "first-name",
                    help: "Subscriber first name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "last_name",
                    flag: "last-name",
                    help: "Subscriber last name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "email_update",
        resource: "email",
        action: "update",
        summary: "Replace a Email record (required fields must be sent).",
        description: "Replaces the writable fields of a Email record and returns the result. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PUT",
        path: "/v2/email-lists/{email_list_id}/emails/{email_id}/",
        paginated: false,
        params: &[
            Param {
                name: "email_list_id",
                flag: "email-list-id",
                help: "Email list id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "email_id",
                flag: "email-id",
                help: "Email (subscriber) id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "email",
                    flag: "email",
                    help: "Subscriber address.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "first_name",
                    flag: "first-name",
                    help: "Subscriber first name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "last_name",
                    flag: "last-name",
                    help: "Subscriber last name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "enroll_create",
        resource: "enroll",
        action: "create",
        summary: "Create a Enroll record.",
        description: "Creates a Enroll record and returns it. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/enrolls/",
        paginated: false,
        params: &[],
        body: Some(Body {
            fields: &[
                Field {
                    name: "course",
                    flag: "course",
                    help: "Course.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "expiry_date",
                    flag: "expiry-date",
                    help: "When access ends (null = never).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "payment",
                    flag: "payment",
                    help: "Payment that granted the enrollment.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "user",
                    flag: "user",
                    help: "Enrolled user.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "enroll_delete",
        resource: "enroll",
        action: "delete",
        summary: "Delete a Enroll record.",
        description: "Deletes a Enroll record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/enrolls/{enroll_id}/",
        paginated: false,
        params: &[
            Param {
                name: "enroll_id",
                flag: "enroll-id",
                help: "Enrollment id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "enroll_get",
        resource: "enroll",
        action: "get",
        summary: "Get one Enroll record.",
        description: "Returns one Enroll record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/enrolls/{enroll_id}/",
        paginated: false,
        params: &[
            Param {
                name: "enroll_id",
                flag: "enroll-id",
                help: "Enrollment id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "enroll_list",
        resource: "enroll",
        action: "list",
        summary: "List Enroll records.",
        description: "Returns one page of Enroll records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/enrolls/",
        paginated: true,
        params: &[
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                    "expiry_date",
                    "-expiry_date",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "enroll_partial_update",
        resource: "enroll",
        action: "partial-update",
        summary: "Change some fields of a Enroll record.",
        description: "Changes the given fields of a Enroll record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/enrolls/{enroll_id}/",
        paginated: false,
        params: &[
            Param {
                name: "enroll_id",
                flag: "enroll-id",
                help: "Enrollment id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "course",
                    flag: "course",
                    help: "Course.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "expiry_date",
                    flag: "expiry-date",
                    help: "When access ends (null = never).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "payment",
                    flag: "payment",
                    help: "Payment that granted the enrollment.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "user",
                    flag: "user",
                    help: "Enrolled user.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "enroll_update",
        resource: "enroll",
        action: "update",
        summary: "Replace a Enroll record (required fields must be sent).",
        description: "Replaces the writable fields of a Enroll record and returns the result. Shown in public Mindz material.",
        method: "PUT",
        path: "/v2/enrolls/{enroll_id}/",
        paginated: false,
        params: &[
            Param {
                name: "enroll_id",
                flag: "enroll-id",
                help: "Enrollment id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "course",
                    flag: "course",
                    help: "Course.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "expiry_date",
                    flag: "expiry-date",
                    help: "When access ends (null = never).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "payment",
                    flag: "payment",
                    help: "Payment that granted the enrollment.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "user",
                    flag: "user",
                    help: "Enrolled user.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "mindzpay_account_get",
        resource: "mindzpay-account",
        action: "get",
        summary: "Get one MindzPay Account record.",
        description: "Returns one MindzPayAccount record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/mindzpay/accounts/{account_id}/",
        paginated: false,
        params: &[
            Param {
                name: "account_id",
                flag: "account-id",
                help: "MindzPay account id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_account_list",
        resource: "mindzpay-account",
        action: "list",
        summary: "List MindzPay Account records.",
        description: "Returns one page of MindzPayAccount records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/mindzpay/accounts/",
        paginated: true,
        params: &[
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                    "name",
                    "-name",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_invoice_cancel",
        resource: "mindzpay-invoice",
        action: "cancel",
        summary: "Cancel the invoice at the tax authority.",
        description: "Cancel the invoice at the tax authority. Returns the MindzPayInvoice record. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/mindzpay/accounts/{account_key}/invoices/{invoice_id}/cancel/",
        paginated: false,
        params: &[
            Param {
                name: "account_key",
                flag: "account-key",
                help: "MindzPay account key.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "invoice_id",
                flag: "invoice-id",
                help: "Invoice id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_invoice_create",
        resource: "mindzpay-invoice",
        action: "create",
        summary: "Create a MindzPay Invoice record.",
        description: "Creates a MindzPayInvoice record and returns it. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/mindzpay/accounts/{account_key}/invoices/",
        paginated: false,
        params: &[
            Param {
                name: "account_key",
                flag: "account-key",
                help: "MindzPay account key.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "amount",
                    flag: "amount",
                    help: "Invoice amount in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "client",
                    flag: "client",
                    help: "Client (user) invoiced.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "nfe_id",
                    flag: "nfe-id",
                    help: "Id of the electronic invoice (NF-e).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "payment",
                    flag: "payment",
                    help: "Payment the invoice is for.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "status",
                    flag: "status",
                    help: "0 pending, 1 issuing, 2 issued, 3 issue failed, 4 cancelling, 5 cancelled, 6 cancel failed, 7 do not issue, 8 sent by email, 9 not issued.",
                    required: false,
                    string: false,
                    password: false,
                    values: &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
                },
            ],
        }),
    },
    Op {
        id: "mindzpay_invoice_get",
        resource: "mindzpay-invoice",
        action: "get",
        summary: "Get one MindzPay Invoice record.",
        description: "Returns one MindzPayInvoice record. Shown in public Mindz material.",
        method: "GET",
        path: "/v2/mindzpay/accounts/{account_key}/invoices/{invoice_id}/",
        paginated: false,
        params: &[
            Param {
                name: "account_key",
                flag: "account-key",
                help: "MindzPay account key.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "invoice_id",
                flag: "invoice-id",
                help: "Invoice id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_invoice_list",
        resource: "mindzpay-invoice",
        action: "list",
        summary: "List MindzPay Invoice records.",
        description: "Returns one page of MindzPayInvoice records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Shown in public Mindz material.",
        method: "GET",
        path: "/v2/mindzpay/accounts/{account_key}/invoices/",
        paginated: true,
        params: &[
            Param {
                name: "account_key",
                flag: "account-key",
                help: "MindzPay account key.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "amount",
                    "-amount",
                    "status",
                    "-status",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_invoice_refresh",
        resource: "mindzpay-invoice",
        action: "refresh",
        summary: "Fetch the invoice's current state from the tax authority.",
        description: "Fetch the invoice's current state from the tax authority. Returns the MindzPayInvoice record. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/mindzpay/accounts/{account_key}/invoices/{invoice_id}/refresh/",
        paginated: false,
        params: &[
            Param {
                name: "account_key",
                flag: "account-key",
                help: "MindzPay account key.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "invoice_id",
                flag: "invoice-id",
                help: "Invoice id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_invoice_reissue",
        resource: "mindzpay-invoice",
        action: "reissue",
        summary: "Issue the invoice again after a failure.",
        description: "Issue the invoice again after a failure. Returns the MindzPayInvoice record. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/mindzpay/accounts/{account_key}/invoices/{invoice_id}/reissue/",
        paginated: false,
        params: &[
            Param {
                name: "account_key",
                flag: "account-key",
                help: "MindzPay account key.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "invoice_id",
                flag: "invoice-id",
                help: "Invoice id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_invoice_update",
        resource: "mindzpay-invoice",
        action: "update",
        summary: "Replace a MindzPay Invoice record (required fields must be sent).",
        description: "Replaces the writable fields of a MindzPayInvoice record and returns the result. Shown in public Mindz material.",
        method: "PUT",
        path: "/v2/mindzpay/accounts/{account_key}/invoices/{invoice_id}/",
        paginated: false,
        params: &[
            Param {
                name: "account_key",
                flag: "account-key",
                help: "MindzPay account key.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "invoice_id",
                flag: "invoice-id",
                help: "Invoice id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "amount",
                    flag: "amount",
                    help: "Invoice amount in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "client",
                    flag: "client",
                    help: "Client (user) invoiced.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "nfe_id",
                    flag: "nfe-id",
                    help: "Id of the electronic invoice (NF-e).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "payment",
                    flag: "payment",
                    help: "Payment the invoice is for.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "status",
                    flag: "status",
                    help: "0 pending, 1 issuing, 2 issued, 3 issue failed, 4 cancelling, 5 cancelled, 6 cancel failed, 7 do not issue, 8 sent by email, 9 not issued.",
                    required: false,
                    string: false,
                    password: false,
                    values: &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
                },
            ],
        }),
    },
    Op {
        id: "mindzpay_payment_get",
        resource: "mindzpay-payment",
        action: "get",
        summary: "Get one MindzPay Payment record.",
        description: "Returns one MindzPayPayment record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/mindzpay/accounts/{account_id}/payments/{payment_id}/",
        paginated: false,
        params: &[
            Param {
                name: "account_id",
                flag: "account-id",
                help: "MindzPay account id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "payment_id",
                flag: "payment-id",
                help: "Payment id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_payment_list",
        resource: "mindzpay-payment",
        action: "list",
        summary: "List MindzPay Payment records.",
        description: "Returns one page of MindzPayPayment records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/mindzpay/accounts/{account_id}/payments/",
        paginated: true,
        params: &[
            Param {
                name: "account_id",
                flag: "account-id",
                help: "MindzPay account id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "amount",
                    "-amount",
                    "status",
                    "-status",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_payment_refund",
        resource: "mindzpay-payment",
        action: "refund",
        summary: "Refund the payment in full.",
        description: "Refund the payment in full. Returns the MindzPayPayment record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/mindzpay/accounts/{account_id}/payments/{payment_id}/refund/",
        paginated: false,
        params: &[
            Param {
                name: "account_id",
                flag: "account-id",
                help: "MindzPay account id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "payment_id",
                flag: "payment-id",
                help: "Payment id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_subscription_cancel",
        resource: "mindzpay-subscription",
        action: "cancel",
        summary: "Cancel the subscription; billing stops for good.",
        description: "Cancel the subscription; billing stops for good. Returns the MindzPaySubscription record. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/mindzpay/accounts/{account_id}/subscriptions/{subscription_id}/cancel/",
        paginated: false,
        params: &[
            Param {
                name: "account_id",
                flag: "account-id",
                help: "MindzPay account id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "subscription_id",
                flag: "subscription-id",
                help: "Subscription id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_subscription_get",
        resource: "mindzpay-subscription",
        action: "get",
        summary: "Get one MindzPay Subscription record.",
        description: "Returns one MindzPaySubscription record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/mindzpay/accounts/{account_id}/subscriptions/{subscription_id}/",
        paginated: false,
        params: &[
            Param {
                name: "account_id",
                flag: "account-id",
                help: "MindzPay account id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "subscription_id",
                flag: "subscription-id",
                help: "Subscription id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_subscription_list",
        resource: "mindzpay-subscription",
        action: "list",
        summary: "List MindzPay Subscription records.",
        description: "Returns one page of MindzPaySubscription records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Shown in public Mindz material.",
        method: "GET",
        path: "/v2/mindzpay/accounts/{account_id}/subscriptions/",
        paginated: true,
        params: &[
            Param {
                name: "account_id",
                flag: "account-id",
                help: "MindzPay account id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "customer_email",
                    "-customer_email",
                    "active",
                    "-active",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_subscription_reactivate",
        resource: "mindzpay-subscription",
        action: "reactivate",
        summary: "Resume a suspended subscription.",
        description: "Resume a suspended subscription. Returns the MindzPaySubscription record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "POST",
        path: "/v2/mindzpay/accounts/{account_id}/subscriptions/{subscription_id}/reactivate/",
        paginated: false,
        params: &[
            Param {
                name: "account_id",
                flag: "account-id",
                help: "MindzPay account id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "subscription_id",
                flag: "subscription-id",
                help: "Subscription id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "mindzpay_subscription_suspend",
        resource: "mindzpay-subscription",
        action: "suspend",
        summary: "Pause billing and access.",
        description: "Pause billing and access. Returns the MindzPaySubscription record. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/mindzpay/accounts/{account_id}/subscriptions/{subscription_id}/suspend/",
        paginated: false,
        params: &[
            Param {
                name: "account_id",
                flag: "account-id",
                help: "MindzPay account id.",
                required: true,
                path: true,
                values: &[],
            },
            Param {
                name: "subscription_id",
                flag: "subscription-id",
                help: "Subscription id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "public_contact_create",
        resource: "public",
        action: "contact-create",
        summary: "Send a message through the school's contact form.",
        description: "Send a message through the school's contact form. Public endpoint: needs no credentials. Shown in public Mindz material.",
        method: "POST",
        path: "/public/v1/contact/",
        paginated: false,
        params: &[],
        body: Some(Body {
            fields: &[
                Field {
                    name: "email",
                    flag: "email",
                    help: "Sender email.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "message",
                    flag: "message",
                    help: "Message text.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Sender name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "subject",
                    flag: "subject",
                    help: "Topic.",
                    required: false,
                    string: true,
                    password: false,
                    values: &["Comercial", "Suporte", "Denúncia", "Bugs e falhas"],
                },
            ],
        }),
    },
    Op {
        id: "public_newsletter_subscribe",
        resource: "public",
        action: "newsletter-subscribe",
        summary: "Subscribe an address to the newsletter or to an email list.",
        description: "Subscribe an address to the newsletter or to an email list. Public endpoint: needs no credentials. Shown in public Mindz material.",
        method: "POST",
        path: "/public/v1/newsletter/",
        paginated: false,
        params: &[],
        body: Some(Body {
            fields: &[
                Field {
                    name: "email",
                    flag: "email",
                    help: "Address.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "email_list_code",
                    flag: "email-list-code",
                    help: "Code of the email list to join.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "first_name",
                    flag: "first-name",
                    help: "First name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "last_name",
                    flag: "last-name",
                    help: "Last name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "public_product_list",
        resource: "public",
        action: "product-list",
        summary: "Products on sale on the school's site.",
        description: "Products on sale on the school's site. Public endpoint: needs no credentials. Only the path is shown in public Mindz material; the fields are assumed.",
        method: "GET",
        path: "/public/v1/products/",
        paginated: false,
        params: &[],
        body: None,
    },
    Op {
        id: "public_site_identity_get",
        resource: "public",
        action: "site-identity-get",
        summary: "Name, logo and colours of the sales site.",
        description: "Name, logo and colours of the sales site. Public endpoint: needs no credentials. Only the path is shown in public Mindz material; the fields are assumed.",
        method: "GET",
        path: "/public/v1/site-identity/",
        paginated: false,
        params: &[],
        body: None,
    },
    Op {
        id: "public_statement_list",
        resource: "public",
        action: "statement-list",
        summary: "Testimonials shown on the sales site.",
        description: "Testimonials shown on the sales site. Public endpoint: needs no credentials. Only the path is shown in public Mindz material; the fields are assumed.",
        method: "GET",
        path: "/public/v1/statements/",
        paginated: false,
        params: &[],
        body: None,
    },
    Op {
        id: "public_stats_get",
        resource: "public",
        action: "stats-get",
        summary: "Public counters of the school (students, courses, ...).",
        description: "Public counters of the school (students, courses, ...). Public endpoint: needs no credentials. Only the path is shown in public Mindz material; the fields are assumed.",
        method: "GET",
        path: "/public/v1/stats/",
        paginated: false,
        params: &[],
        body: None,
    },
    Op {
        id: "subscription_add_product",
        resource: "subscription",
        action: "add-product",
        summary: "Add a product to the plan.",
        description: "Add a product to the plan. Returns the Subscription record. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/subscriptions/{subscription_id}/add-product/",
        paginated: false,
        params: &[
            Param {
                name: "subscription_id",
                flag: "subscription-id",
                help: "Subscription plan id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "product_id",
                    flag: "product-id",
                    help: "Product to add.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "subscription_create",
        resource: "subscription",
        action: "create",
        summary: "Create a Subscription record.",
        description: "Creates a Subscription record and returns it. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/subscriptions/",
        paginated: false,
        params: &[],
        body: Some(Body {
            fields: &[
                Field {
                    name: "access_days",
                    flag: "access-days",
                    help: "Days of access.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "client_limit_count",
                    flag: "client-limit-count",
                    help: "Maximum number of subscribers.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "description",
                    flag: "description",
                    help: "Long description.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "faq_active",
                    flag: "faq-active",
                    help: "Show the FAQ section.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "faq_base_questions",
                    flag: "faq-base-questions",
                    help: "Include the base FAQ questions.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "frequency",
                    flag: "frequency",
                    help: "Billing every N intervals.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "image",
                    flag: "image",
                    help: "Cover image URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "interval",
                    flag: "interval",
                    help: "Billing interval unit.",
                    required: false,
                    string: true,
                    password: false,
                    values: &["days", "weeks", "months", "years"],
                },
                Field {
                    name: "launch_date",
                    flag: "launch-date",
                    help: "When it becomes available.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "max_commission_cycles",
                    flag: "max-commission-cycles",
                    help: "Cycles that pay affiliate commission.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "max_cycles",
                    flag: "max-cycles",
                    help: "Billing cycles before it ends (0 = unlimited).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Plan name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "password",
                    flag: "password",
                    help: "Password protecting the plan page.",
                    required: false,
                    string: true,
                    password: true,
                    values: &[],
                },
                Field {
                    name: "price",
                    flag: "price",
                    help: "Price per cycle in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "redirect",
                    flag: "redirect",
                    help: "URL to send buyers to after purchase.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "short_description",
                    flag: "short-description",
                    help: "One-line summary.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "slug",
                    flag: "slug",
                    help: "URL-friendly identifier.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "syllabus",
                    flag: "syllabus",
                    help: "Content outline.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video",
                    flag: "video",
                    help: "Presentation video URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video_id",
                    flag: "video-id",
                    help: "Video asset id.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "subscription_delete",
        resource: "subscription",
        action: "delete",
        summary: "Delete a Subscription record.",
        description: "Deletes a Subscription record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/subscriptions/{subscription_id}/",
        paginated: false,
        params: &[
            Param {
                name: "subscription_id",
                flag: "subscription-id",
                help: "Subscription plan id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "subscription_get",
        resource: "subscription",
        action: "get",
        summary: "Get one Subscription record.",
        description: "Returns one Subscription record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/subscriptions/{subscription_id}/",
        paginated: false,
        params: &[
            Param {
                name: "subscription_id",
                flag: "subscription-id",
                help: "Subscription plan id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "subscription_list",
        resource: "subscription",
        action: "list",
        summary: "List Subscription records.",
        description: "Returns one page of Subscription records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/subscriptions/",
        paginated: true,
        params: &[
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                    "name",
                    "-name",
                    "price",
                    "-price",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "subscription_partial_update",
        resource: "subscription",
        action: "partial-update",
        summary: "Change some fields of a Subscription record.",
        description: "Changes the given fields of a Subscription record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/subscriptions/{subscription_id}/",
        paginated: false,
        params: &[
            Param {
                name: "subscription_id",
                flag: "subscription-id",
                help: "Subscription plan id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "access_days",
                    flag: "access-days",
                    help: "Days of access.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "client_limit_count",
                    flag: "client-limit-count",
                    help: "Maximum number of subscribers.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "description",
                    flag: "description",
                    help: "Long description.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "faq_active",
                    flag: "faq-active",
                    help: "Show the FAQ section.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "faq_base_questions",
                    flag: "faq-base-questions",
                    help: "Include the base FAQ questions.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "frequency",
                    flag: "frequency",
                    help: "Billing every N intervals.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "image",
                    flag: "image",
                    help: "Cover image URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "interval",
                    flag: "interval",
                    help: "Billing interval unit.",
                    required: false,
                    string: true,
                    password: false,
                    values: &["days", "weeks", "months", "years"],
                },
                Field {
                    name: "launch_date",
                    flag: "launch-date",
                    help: "When it becomes available.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "max_commission_cycles",
                    flag: "max-commission-cycles",
                    help: "Cycles that pay affiliate commission.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "max_cycles",
                    flag: "max-cycles",
                    help: "Billing cycles before it ends (0 = unlimited).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Plan name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "password",
                    flag: "password",
                    help: "Password protecting the plan page.",
                    required: false,
                    string: true,
                    password: true,
                    values: &[],
                },
                Field {
                    name: "price",
                    flag: "price",
                    help: "Price per cycle in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "redirect",
                    flag: "redirect",
                    help: "URL to send buyers to after purchase.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "short_description",
                    flag: "short-description",
                    help: "One-line summary.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "slug",
                    flag: "slug",
                    help: "URL-friendly identifier.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "syllabus",
                    flag: "syllabus",
                    help: "Content outline.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video",
                    flag: "video",
                    help: "Presentation video URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video_id",
                    flag: "video-id",
                    help: "Video asset id.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "subscription_remove_product",
        resource: "subscription",
        action: "remove-product",
        summary: "Remove a product from the plan.",
        description: "Remove a product from the plan. Returns the Subscription record. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/subscriptions/{subscription_id}/remove-product/",
        paginated: false,
        params: &[
            Param {
                name: "subscription_id",
                flag: "subscription-id",
                help: "Subscription plan id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "product_id",
                    flag: "product-id",
                    help: "Product to remove.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "subscription_update",
        resource: "subscription",
        action: "update",
        summary: "Replace a Subscription record (required fields must be sent).",
        description: "Replaces the writable fields of a Subscription record and returns the result. Shown in public Mindz material.",
        method: "PUT",
        path: "/v2/subscriptions/{subscription_id}/",
        paginated: false,
        params: &[
            Param {
                name: "subscription_id",
                flag: "subscription-id",
                help: "Subscription plan id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "access_days",
                    flag: "access-days",
                    help: "Days of access.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "client_limit_count",
                    flag: "client-limit-count",
                    help: "Maximum number of subscribers.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "description",
                    flag: "description",
                    help: "Long description.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "faq_active",
                    flag: "faq-active",
                    help: "Show the FAQ section.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "faq_base_questions",
                    flag: "faq-base-questions",
                    help: "Include the base FAQ questions.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "frequency",
                    flag: "frequency",
                    help: "Billing every N intervals.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "image",
                    flag: "image",
                    help: "Cover image URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "interval",
                    flag: "interval",
                    help: "Billing interval unit.",
                    required: false,
                    string: true,
                    password: false,
                    values: &["days", "weeks", "months", "years"],
                },
                Field {
                    name: "launch_date",
                    flag: "launch-date",
                    help: "When it becomes available.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "max_commission_cycles",
                    flag: "max-commission-cycles",
                    help: "Cycles that pay affiliate commission.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "max_cycles",
                    flag: "max-cycles",
                    help: "Billing cycles before it ends (0 = unlimited).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "name",
                    flag: "name",
                    help: "Plan name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "password",
                    flag: "password",
                    help: "Password protecting the plan page.",
                    required: false,
                    string: true,
                    password: true,
                    values: &[],
                },
                Field {
                    name: "price",
                    flag: "price",
                    help: "Price per cycle in BRL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "redirect",
                    flag: "redirect",
                    help: "URL to send buyers to after purchase.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "short_description",
                    flag: "short-description",
                    help: "One-line summary.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "slug",
                    flag: "slug",
                    help: "URL-friendly identifier.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "syllabus",
                    flag: "syllabus",
                    help: "Content outline.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video",
                    flag: "video",
                    help: "Presentation video URL.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "video_id",
                    flag: "video-id",
                    help: "Video asset id.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "team_create",
        resource: "team",
        action: "create",
        summary: "Create a Team record.",
        description: "Creates a TeamMember record and returns it. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/teams/",
        paginated: false,
        params: &[],
        body: Some(Body {
            fields: &[
                Field {
                    name: "admin_permission",
                    flag: "admin-permission",
                    help: "Administrator.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "courses_permission",
                    flag: "courses-permission",
                    help: "Manages courses.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "editor_permission",
                    flag: "editor-permission",
                    help: "Edits content.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "gurupay_permission",
                    flag: "gurupay-permission",
                    help: "Manages MindzPay (formerly GuruPay).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "integration_permission",
                    flag: "integration-permission",
                    help: "Manages integrations.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "marketing_permission",
                    flag: "marketing-permission",
                    help: "Marketing tools.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "statistics_permission",
                    flag: "statistics-permission",
                    help: "Sees statistics.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "teacher_permission",
                    flag: "teacher-permission",
                    help: "Teacher.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "team_permission",
                    flag: "team-permission",
                    help: "Manages the team.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "user",
                    flag: "user",
                    help: "User who is a team member.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "team_delete",
        resource: "team",
        action: "delete",
        summary: "Delete a Team record.",
        description: "Deletes a TeamMember record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/teams/{team_member_id}/",
        paginated: false,
        params: &[
            Param {
                name: "team_member_id",
                flag: "team-member-id",
                help: "Team member id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "team_get",
        resource: "team",
        action: "get",
        summary: "Get one Team record.",
        description: "Returns one TeamMember record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/teams/{team_member_id}/",
        paginated: false,
        params: &[
            Param {
                name: "team_member_id",
                flag: "team-member-id",
                help: "Team member id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "team_list",
        resource: "team",
        action: "list",
        summary: "List Team records.",
        description: "Returns one page of TeamMember records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/teams/",
        paginated: true,
        params: &[
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "team_partial_update",
        resource: "team",
        action: "partial-update",
        summary: "Change some fields of a Team record.",
        description: "Changes the given fields of a TeamMember record and returns the result; fields left out keep their values. Shown in public Mindz material.",
        method: "PATCH",
        path: "/v2/teams/{team_member_id}/",
        paginated: false,
        params: &[
            Param {
                name: "team_member_id",
                flag: "team-member-id",
                help: "Team member id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "admin_permission",
                    flag: "admin-permission",
                    help: "Administrator.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "courses_permission",
                    flag: "courses-permission",
                    help: "Manages courses.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "editor_permission",
                    flag: "editor-permission",
                    help: "Edits content.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "gurupay_permission",
                    flag: "gurupay-permission",
                    help: "Manages MindzPay (formerly GuruPay).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "integration_permission",
                    flag: "integration-permission",
                    help: "Manages integrations.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "marketing_permission",
                    flag: "marketing-permission",
                    help: "Marketing tools.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "statistics_permission",
                    flag: "statistics-permission",
                    help: "Sees statistics.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "teacher_permission",
                    flag: "teacher-permission",
                    help: "Teacher.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "team_permission",
                    flag: "team-permission",
                    help: "Manages the team.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "user",
                    flag: "user",
                    help: "User who is a team member.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "team_update",
        resource: "team",
        action: "update",
        summary: "Replace a Team record (required fields must be sent).",
        description: "Replaces the writable fields of a TeamMember record and returns the result. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PUT",
        path: "/v2/teams/{team_member_id}/",
        paginated: false,
        params: &[
            Param {
                name: "team_member_id",
                flag: "team-member-id",
                help: "Team member id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "admin_permission",
                    flag: "admin-permission",
                    help: "Administrator.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "courses_permission",
                    flag: "courses-permission",
                    help: "Manages courses.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "editor_permission",
                    flag: "editor-permission",
                    help: "Edits content.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "gurupay_permission",
                    flag: "gurupay-permission",
                    help: "Manages MindzPay (formerly GuruPay).",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "integration_permission",
                    flag: "integration-permission",
                    help: "Manages integrations.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "marketing_permission",
                    flag: "marketing-permission",
                    help: "Marketing tools.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "statistics_permission",
                    flag: "statistics-permission",
                    help: "Sees statistics.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "teacher_permission",
                    flag: "teacher-permission",
                    help: "Teacher.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "team_permission",
                    flag: "team-permission",
                    help: "Manages the team.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "user",
                    flag: "user",
                    help: "User who is a team member.",
                    required: true,
                    string: false,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "user_change_password",
        resource: "user",
        action: "change-password",
        summary: "Set a new password for the user.",
        description: "Set a new password for the user. Returns the User record. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/users/{user_id}/change-password/",
        paginated: false,
        params: &[
            Param {
                name: "user_id",
                flag: "user-id",
                help: "User id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "password",
                    flag: "password",
                    help: "The new password.",
                    required: true,
                    string: true,
                    password: true,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "user_create",
        resource: "user",
        action: "create",
        summary: "Create a User record.",
        description: "Creates a User record and returns it. Shown in public Mindz material.",
        method: "POST",
        path: "/v2/users/",
        paginated: false,
        params: &[],
        body: Some(Body {
            fields: &[
                Field {
                    name: "bio",
                    flag: "bio",
                    help: "Short biography.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "birth_date",
                    flag: "birth-date",
                    help: "Birth date.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "city",
                    flag: "city",
                    help: "City.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "complement",
                    flag: "complement",
                    help: "Address complement.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "corporate_name",
                    flag: "corporate-name",
                    help: "Company name (pj).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "country",
                    flag: "country",
                    help: "Country.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "district",
                    flag: "district",
                    help: "District (bairro).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "document",
                    flag: "document",
                    help: "CPF or CNPJ.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "email",
                    flag: "email",
                    help: "Login email.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "first_name",
                    flag: "first-name",
                    help: "First name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "gender",
                    flag: "gender",
                    help: "Gender.",
                    required: false,
                    string: true,
                    password: false,
                    values: &["male", "female"],
                },
                Field {
                    name: "is_suspended",
                    flag: "is-suspended",
                    help: "Suspended users cannot log in.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "last_name",
                    flag: "last-name",
                    help: "Last name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "number",
                    flag: "number",
                    help: "House number.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "password",
                    flag: "password",
                    help: "Password (write only).",
                    required: false,
                    string: true,
                    password: true,
                    values: &[],
                },
                Field {
                    name: "person_type",
                    flag: "person-type",
                    help: "pf = pessoa física (individual), pj = pessoa jurídica (company).",
                    required: false,
                    string: true,
                    password: false,
                    values: &["pf", "pj"],
                },
                Field {
                    name: "phone",
                    flag: "phone",
                    help: "Phone number.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "state",
                    flag: "state",
                    help: "State.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "street",
                    flag: "street",
                    help: "Street.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "username",
                    flag: "username",
                    help: "Username.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "zip_code",
                    flag: "zip-code",
                    help: "CEP / postal code.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "user_delete",
        resource: "user",
        action: "delete",
        summary: "Delete a User record.",
        description: "Deletes a User record. Answers 204 with no body. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "DELETE",
        path: "/v2/users/{user_id}/",
        paginated: false,
        params: &[
            Param {
                name: "user_id",
                flag: "user-id",
                help: "User id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "user_get",
        resource: "user",
        action: "get",
        summary: "Get one User record.",
        description: "Returns one User record. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/users/{user_id}/",
        paginated: false,
        params: &[
            Param {
                name: "user_id",
                flag: "user-id",
                help: "User id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "user_list",
        resource: "user",
        action: "list",
        summary: "List User records.",
        description: "Returns one page of User records. Page with `limit` and `offset`; the answer's `next` is null on the last page. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "GET",
        path: "/v2/users/",
        paginated: true,
        params: &[
            Param {
                name: "limit",
                flag: "limit",
                help: "Page size: how many records to return (default 50).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "offset",
                flag: "offset",
                help: "How many records to skip before the first one returned (default 0).",
                required: false,
                path: false,
                values: &[],
            },
            Param {
                name: "ordering",
                flag: "ordering",
                help: "Sort field; a leading '-' sorts descending.",
                required: false,
                path: false,
                values: &[
                    "id",
                    "-id",
                    "created_at",
                    "-created_at",
                    "updated_at",
                    "-updated_at",
                    "email",
                    "-email",
                    "first_name",
                    "-first_name",
                    "last_name",
                    "-last_name",
                ],
            },
            Param {
                name: "search",
                flag: "search",
                help: "Free-text filter over the searchable fields of the resource.",
                required: false,
                path: false,
                values: &[],
            },
        ],
        body: None,
    },
    Op {
        id: "user_partial_update",
        resource: "user",
        action: "partial-update",
        summary: "Change some fields of a User record.",
        description: "Changes the given fields of a User record and returns the result; fields left out keep their values. Inferred from the platform's conventions; not yet confirmed against Mindz's own reference.",
        method: "PATCH",
        path: "/v2/users/{user_id}/",
        paginated: false,
        params: &[
            Param {
                name: "user_id",
                flag: "user-id",
                help: "User id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "bio",
                    flag: "bio",
                    help: "Short biography.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "birth_date",
                    flag: "birth-date",
                    help: "Birth date.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "city",
                    flag: "city",
                    help: "City.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "complement",
                    flag: "complement",
                    help: "Address complement.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "corporate_name",
                    flag: "corporate-name",
                    help: "Company name (pj).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "country",
                    flag: "country",
                    help: "Country.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "district",
                    flag: "district",
                    help: "District (bairro).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "document",
                    flag: "document",
                    help: "CPF or CNPJ.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "email",
                    flag: "email",
                    help: "Login email.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "first_name",
                    flag: "first-name",
                    help: "First name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "gender",
                    flag: "gender",
                    help: "Gender.",
                    required: false,
                    string: true,
                    password: false,
                    values: &["male", "female"],
                },
                Field {
                    name: "is_suspended",
                    flag: "is-suspended",
                    help: "Suspended users cannot log in.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "last_name",
                    flag: "last-name",
                    help: "Last name.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "number",
                    flag: "number",
                    help: "House number.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "password",
                    flag: "password",
                    help: "Password (write only).",
                    required: false,
                    string: true,
                    password: true,
                    values: &[],
                },
                Field {
                    name: "person_type",
                    flag: "person-type",
                    help: "pf = pessoa física (individual), pj = pessoa jurídica (company).",
                    required: false,
                    string: true,
                    password: false,
                    values: &["pf", "pj"],
                },
                Field {
                    name: "phone",
                    flag: "phone",
                    help: "Phone number.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "state",
                    flag: "state",
                    help: "State.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "street",
                    flag: "street",
                    help: "Street.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "username",
                    flag: "username",
                    help: "Username.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "zip_code",
                    flag: "zip-code",
                    help: "CEP / postal code.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
    Op {
        id: "user_update",
        resource: "user",
        action: "update",
        summary: "Replace a User record (required fields must be sent).",
        description: "Replaces the writable fields of a User record and returns the result. Shown in public Mindz material.",
        method: "PUT",
        path: "/v2/users/{user_id}/",
        paginated: false,
        params: &[
            Param {
                name: "user_id",
                flag: "user-id",
                help: "User id.",
                required: true,
                path: true,
                values: &[],
            },
        ],
        body: Some(Body {
            fields: &[
                Field {
                    name: "bio",
                    flag: "bio",
                    help: "Short biography.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "birth_date",
                    flag: "birth-date",
                    help: "Birth date.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "city",
                    flag: "city",
                    help: "City.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "complement",
                    flag: "complement",
                    help: "Address complement.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "corporate_name",
                    flag: "corporate-name",
                    help: "Company name (pj).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "country",
                    flag: "country",
                    help: "Country.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "district",
                    flag: "district",
                    help: "District (bairro).",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "document",
                    flag: "document",
                    help: "CPF or CNPJ.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "email",
                    flag: "email",
                    help: "Login email.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "first_name",
                    flag: "first-name",
                    help: "First name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "gender",
                    flag: "gender",
                    help: "Gender.",
                    required: false,
                    string: true,
                    password: false,
                    values: &["male", "female"],
                },
                Field {
                    name: "is_suspended",
                    flag: "is-suspended",
                    help: "Suspended users cannot log in.",
                    required: false,
                    string: false,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "last_name",
                    flag: "last-name",
                    help: "Last name.",
                    required: true,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "number",
                    flag: "number",
                    help: "House number.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "password",
                    flag: "password",
                    help: "Password (write only).",
                    required: false,
                    string: true,
                    password: true,
                    values: &[],
                },
                Field {
                    name: "person_type",
                    flag: "person-type",
                    help: "pf = pessoa física (individual), pj = pessoa jurídica (company).",
                    required: false,
                    string: true,
                    password: false,
                    values: &["pf", "pj"],
                },
                Field {
                    name: "phone",
                    flag: "phone",
                    help: "Phone number.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "state",
                    flag: "state",
                    help: "State.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "street",
                    flag: "street",
                    help: "Street.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "username",
                    flag: "username",
                    help: "Username.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
                Field {
                    name: "zip_code",
                    flag: "zip-code",
                    help: "CEP / postal code.",
                    required: false,
                    string: true,
                    password: false,
                    values: &[],
                },
            ],
        }),
    },
];
/// Runs the operation `call.op()` through the SDK's builder.
pub async fn dispatch(call: &Call<'_>) -> Result<(), CliError> {
    match call.op().id {
        "bundle_create" => {
            let body = call.body::<mindz_sdk::types::BundleCreate>()?;
            call.send(Some(body)).await
        }
        "bundle_delete" => {
            call.required::<i64>("bundle_id")?;
            call.send(None).await
        }
        "bundle_get" => {
            call.required::<i64>("bundle_id")?;
            call.send(None).await
        }
        "bundle_list" => {
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::BundleOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "bundle_partial_update" => {
            call.required::<i64>("bundle_id")?;
            let body = call.body::<mindz_sdk::types::PatchedBundle>()?;
            call.send(Some(body)).await
        }
        "bundle_update" => {
            call.required::<i64>("bundle_id")?;
            let body = call.body::<mindz_sdk::types::BundleUpdate>()?;
            call.send(Some(body)).await
        }
        "course_create" => {
            let body = call.body::<mindz_sdk::types::CourseCreate>()?;
            call.send(Some(body)).await
        }
        "course_delete" => {
            call.required::<i64>("course_id")?;
            call.send(None).await
        }
        "course_get" => {
            call.required::<i64>("course_id")?;
            call.send(None).await
        }
        "course_grade_create" => {
            call.required::<i64>("course_id")?;
            let body = call.body::<mindz_sdk::types::CourseGradeCreate>()?;
            call.send(Some(body)).await
        }
        "course_grade_delete" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("grade_id")?;
            call.send(None).await
        }
        "course_grade_detail_create" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("grade_id")?;
            let body = call.body::<mindz_sdk::types::CourseGradeDetailCreate>()?;
            call.send(Some(body)).await
        }
        "course_grade_detail_delete" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("grade_id")?;
            call.required::<i64>("detail_id")?;
            call.send(None).await
        }
        "course_grade_detail_get" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("grade_id")?;
            call.required::<i64>("detail_id")?;
            call.send(None).await
        }
        "course_grade_detail_list" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("grade_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::CourseGradeDetailOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "course_grade_detail_partial_update" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("grade_id")?;
            call.required::<i64>("detail_id")?;
            let body = call.body::<mindz_sdk::types::PatchedCourseGradeDetail>()?;
            call.send(Some(body)).await
        }
        "course_grade_detail_update" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("grade_id")?;
            call.required::<i64>("detail_id")?;
            let body = call.body::<mindz_sdk::types::CourseGradeDetailUpdate>()?;
            call.send(Some(body)).await
        }
        "course_grade_get" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("grade_id")?;
            call.send(None).await
        }
        "course_grade_list" => {
            call.required::<i64>("course_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::CourseGradeOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "course_grade_partial_update" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("grade_id")?;
            let body = call.body::<mindz_sdk::types::PatchedCourseGrade>()?;
            call.send(Some(body)).await
        }
        "course_grade_update" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("grade_id")?;
            let body = call.body::<mindz_sdk::types::CourseGradeUpdate>()?;
            call.send(Some(body)).await
        }
        "course_list" => {
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::CourseOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "course_partial_update" => {
            call.required::<i64>("course_id")?;
            let body = call.body::<mindz_sdk::types::PatchedCourse>()?;
            call.send(Some(body)).await
        }
        "course_teacher_create" => {
            call.required::<i64>("course_id")?;
            let body = call.body::<mindz_sdk::types::CourseTeacherCreate>()?;
            call.send(Some(body)).await
        }
        "course_teacher_delete" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("teacher_id")?;
            call.send(None).await
        }
        "course_teacher_get" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("teacher_id")?;
            call.send(None).await
        }
        "course_teacher_list" => {
            call.required::<i64>("course_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::CourseTeacherOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "course_teacher_partial_update" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("teacher_id")?;
            let body = call.body::<mindz_sdk::types::PatchedCourseTeacher>()?;
            call.send(Some(body)).await
        }
        "course_teacher_update" => {
            call.required::<i64>("course_id")?;
            call.required::<i64>("teacher_id")?;
            let body = call.body::<mindz_sdk::types::CourseTeacherUpdate>()?;
            call.send(Some(body)).await
        }
        "course_update" => {
            call.required::<i64>("course_id")?;
            let body = call.body::<mindz_sdk::types::CourseUpdate>()?;
            call.send(Some(body)).await
        }
        "email_campaign_course_create" => {
            call.required::<i64>("email_campaign_id")?;
            let body = call.body::<mindz_sdk::types::EmailCampaignCourseCreate>()?;
            call.send(Some(body)).await
        }
        "email_campaign_course_delete" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_course_get" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_course_list" => {
            call.required::<i64>("email_campaign_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.send(None).await
        }
        "email_campaign_create" => {
            let body = call.body::<mindz_sdk::types::EmailCampaignCreate>()?;
            call.send(Some(body)).await
        }
        "email_campaign_delete" => {
            call.required::<i64>("email_campaign_id")?;
            call.send(None).await
        }
        "email_campaign_excluded_course_create" => {
            call.required::<i64>("email_campaign_id")?;
            let body = call
                .body::<mindz_sdk::types::EmailCampaignExcludedCourseCreate>()?;
            call.send(Some(body)).await
        }
        "email_campaign_excluded_course_delete" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_excluded_course_get" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_excluded_course_list" => {
            call.required::<i64>("email_campaign_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.send(None).await
        }
        "email_campaign_excluded_list_create" => {
            call.required::<i64>("email_campaign_id")?;
            let body = call.body::<mindz_sdk::types::EmailCampaignExcludedListCreate>()?;
            call.send(Some(body)).await
        }
        "email_campaign_excluded_list_delete" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_excluded_list_get" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_excluded_list_list" => {
            call.required::<i64>("email_campaign_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.send(None).await
        }
        "email_campaign_excluded_plan_create" => {
            call.required::<i64>("email_campaign_id")?;
            let body = call.body::<mindz_sdk::types::EmailCampaignExcludedPlanCreate>()?;
            call.send(Some(body)).await
        }
        "email_campaign_excluded_plan_delete" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_excluded_plan_get" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_excluded_plan_list" => {
            call.required::<i64>("email_campaign_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.send(None).await
        }
        "email_campaign_get" => {
            call.required::<i64>("email_campaign_id")?;
            call.send(None).await
        }
        "email_campaign_list" => {
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::EmailCampaignOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "email_campaign_list_create" => {
            call.required::<i64>("email_campaign_id")?;
            let body = call.body::<mindz_sdk::types::EmailCampaignListCreate>()?;
            call.send(Some(body)).await
        }
        "email_campaign_list_delete" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_list_get" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_list_list" => {
            call.required::<i64>("email_campaign_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.send(None).await
        }
        "email_campaign_partial_update" => {
            call.required::<i64>("email_campaign_id")?;
            let body = call.body::<mindz_sdk::types::PatchedEmailCampaign>()?;
            call.send(Some(body)).await
        }
        "email_campaign_plan_create" => {
            call.required::<i64>("email_campaign_id")?;
            let body = call.body::<mindz_sdk::types::EmailCampaignPlanCreate>()?;
            call.send(Some(body)).await
        }
        "email_campaign_plan_delete" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_plan_get" => {
            call.required::<i64>("email_campaign_id")?;
            call.required::<i64>("link_id")?;
            call.send(None).await
        }
        "email_campaign_plan_list" => {
            call.required::<i64>("email_campaign_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.send(None).await
        }
        "email_campaign_update" => {
            call.required::<i64>("email_campaign_id")?;
            let body = call.body::<mindz_sdk::types::EmailCampaignUpdate>()?;
            call.send(Some(body)).await
        }
        "email_create" => {
            call.required::<i64>("email_list_id")?;
            let body = call.body::<mindz_sdk::types::EmailCreate>()?;
            call.send(Some(body)).await
        }
        "email_delete" => {
            call.required::<i64>("email_list_id")?;
            call.required::<i64>("email_id")?;
            call.send(None).await
        }
        "email_get" => {
            call.required::<i64>("email_list_id")?;
            call.required::<i64>("email_id")?;
            call.send(None).await
        }
        "email_list" => {
            call.required::<i64>("email_list_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::EmailOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "email_list_create" => {
            let body = call.body::<mindz_sdk::types::EmailListCreate>()?;
            call.send(Some(body)).await
        }
        "email_list_delete" => {
            call.required::<i64>("email_list_id")?;
            call.send(None).await
        }
        "email_list_get" => {
            call.required::<i64>("email_list_id")?;
            call.send(None).await
        }
        "email_list_list" => {
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::EmailListOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "email_list_partial_update" => {
            call.required::<i64>("email_list_id")?;
            let body = call.body::<mindz_sdk::types::PatchedEmailList>()?;
            call.send(Some(body)).await
        }
        "email_list_update" => {
            call.required::<i64>("email_list_id")?;
            let body = call.body::<mindz_sdk::types::EmailListUpdate>()?;
            call.send(Some(body)).await
        }
        "email_partial_update" => {
            call.required::<i64>("email_list_id")?;
            call.required::<i64>("email_id")?;
            let body = call.body::<mindz_sdk::types::PatchedEmail>()?;
            call.send(Some(body)).await
        }
        "email_update" => {
            call.required::<i64>("email_list_id")?;
            call.required::<i64>("email_id")?;
            let body = call.body::<mindz_sdk::types::EmailUpdate>()?;
            call.send(Some(body)).await
        }
        "enroll_create" => {
            let body = call.body::<mindz_sdk::types::EnrollCreate>()?;
            call.send(Some(body)).await
        }
        "enroll_delete" => {
            call.required::<i64>("enroll_id")?;
            call.send(None).await
        }
        "enroll_get" => {
            call.required::<i64>("enroll_id")?;
            call.send(None).await
        }
        "enroll_list" => {
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::EnrollOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "enroll_partial_update" => {
            call.required::<i64>("enroll_id")?;
            let body = call.body::<mindz_sdk::types::PatchedEnroll>()?;
            call.send(Some(body)).await
        }
        "enroll_update" => {
            call.required::<i64>("enroll_id")?;
            let body = call.body::<mindz_sdk::types::EnrollUpdate>()?;
            call.send(Some(body)).await
        }
        "mindzpay_account_get" => {
            call.required::<::std::string::String>("account_id")?;
            call.send(None).await
        }
        "mindzpay_account_list" => {
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::MindzPayAccountOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "mindzpay_invoice_cancel" => {
            call.required::<::std::string::String>("account_key")?;
            call.required::<::std::string::String>("invoice_id")?;
            call.send(None).await
        }
        "mindzpay_invoice_create" => {
            call.required::<::std::string::String>("account_key")?;
            let body = call.body::<mindz_sdk::types::MindzPayInvoiceCreate>()?;
            call.send(Some(body)).await
        }
        "mindzpay_invoice_get" => {
            call.required::<::std::string::String>("account_key")?;
            call.required::<::std::string::String>("invoice_id")?;
            call.send(None).await
        }
        "mindzpay_invoice_list" => {
            call.required::<::std::string::String>("account_key")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::MindzPayInvoiceOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "mindzpay_invoice_refresh" => {
            call.required::<::std::string::String>("account_key")?;
            call.required::<::std::string::String>("invoice_id")?;
            call.send(None).await
        }
        "mindzpay_invoice_reissue" => {
            call.required::<::std::string::String>("account_key")?;
            call.required::<::std::string::String>("invoice_id")?;
            call.send(None).await
        }
        "mindzpay_invoice_update" => {
            call.required::<::std::string::String>("account_key")?;
            call.required::<::std::string::String>("invoice_id")?;
            let body = call.body::<mindz_sdk::types::MindzPayInvoiceUpdate>()?;
            call.send(Some(body)).await
        }
        "mindzpay_payment_get" => {
            call.required::<::std::string::String>("account_id")?;
            call.required::<::std::string::String>("payment_id")?;
            call.send(None).await
        }
        "mindzpay_payment_list" => {
            call.required::<::std::string::String>("account_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::MindzPayPaymentOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "mindzpay_payment_refund" => {
            call.required::<::std::string::String>("account_id")?;
            call.required::<::std::string::String>("payment_id")?;
            call.send(None).await
        }
        "mindzpay_subscription_cancel" => {
            call.required::<::std::string::String>("account_id")?;
            call.required::<::std::string::String>("subscription_id")?;
            call.send(None).await
        }
        "mindzpay_subscription_get" => {
            call.required::<::std::string::String>("account_id")?;
            call.required::<::std::string::String>("subscription_id")?;
            call.send(None).await
        }
        "mindzpay_subscription_list" => {
            call.required::<::std::string::String>("account_id")?;
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::MindzPaySubscriptionOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "mindzpay_subscription_reactivate" => {
            call.required::<::std::string::String>("account_id")?;
            call.required::<::std::string::String>("subscription_id")?;
            call.send(None).await
        }
        "mindzpay_subscription_suspend" => {
            call.required::<::std::string::String>("account_id")?;
            call.required::<::std::string::String>("subscription_id")?;
            call.send(None).await
        }
        "public_contact_create" => {
            let body = call.body::<mindz_sdk::types::ContactRequest>()?;
            call.send(Some(body)).await
        }
        "public_newsletter_subscribe" => {
            let body = call.body::<mindz_sdk::types::NewsletterRequest>()?;
            call.send(Some(body)).await
        }
        "public_product_list" => call.send(None).await,
        "public_site_identity_get" => call.send(None).await,
        "public_statement_list" => call.send(None).await,
        "public_stats_get" => call.send(None).await,
        "subscription_add_product" => {
            call.required::<i64>("subscription_id")?;
            let body = call.body::<mindz_sdk::types::AddProductRequest>()?;
            call.send(Some(body)).await
        }
        "subscription_create" => {
            let body = call.body::<mindz_sdk::types::SubscriptionCreate>()?;
            call.send(Some(body)).await
        }
        "subscription_delete" => {
            call.required::<i64>("subscription_id")?;
            call.send(None).await
        }
        "subscription_get" => {
            call.required::<i64>("subscription_id")?;
            call.send(None).await
        }
        "subscription_list" => {
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::SubscriptionOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "subscription_partial_update" => {
            call.required::<i64>("subscription_id")?;
            let body = call.body::<mindz_sdk::types::PatchedSubscription>()?;
            call.send(Some(body)).await
        }
        "subscription_remove_product" => {
            call.required::<i64>("subscription_id")?;
            let body = call.body::<mindz_sdk::types::RemoveProductRequest>()?;
            call.send(Some(body)).await
        }
        "subscription_update" => {
            call.required::<i64>("subscription_id")?;
            let body = call.body::<mindz_sdk::types::SubscriptionUpdate>()?;
            call.send(Some(body)).await
        }
        "team_create" => {
            let body = call.body::<mindz_sdk::types::TeamMemberCreate>()?;
            call.send(Some(body)).await
        }
        "team_delete" => {
            call.required::<i64>("team_member_id")?;
            call.send(None).await
        }
        "team_get" => {
            call.required::<i64>("team_member_id")?;
            call.send(None).await
        }
        "team_list" => {
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::TeamMemberOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "team_partial_update" => {
            call.required::<i64>("team_member_id")?;
            let body = call.body::<mindz_sdk::types::PatchedTeamMember>()?;
            call.send(Some(body)).await
        }
        "team_update" => {
            call.required::<i64>("team_member_id")?;
            let body = call.body::<mindz_sdk::types::TeamMemberUpdate>()?;
            call.send(Some(body)).await
        }
        "user_change_password" => {
            call.required::<i64>("user_id")?;
            let body = call.body::<mindz_sdk::types::ChangePasswordRequest>()?;
            call.send(Some(body)).await
        }
        "user_create" => {
            let body = call.body::<mindz_sdk::types::UserCreate>()?;
            call.send(Some(body)).await
        }
        "user_delete" => {
            call.required::<i64>("user_id")?;
            call.send(None).await
        }
        "user_get" => {
            call.required::<i64>("user_id")?;
            call.send(None).await
        }
        "user_list" => {
            call.param::<::std::num::NonZeroU64>("limit")?;
            call.param::<u64>("offset")?;
            call.param::<mindz_sdk::types::UserOrdering>("ordering")?;
            call.param::<::std::string::String>("search")?;
            call.send(None).await
        }
        "user_partial_update" => {
            call.required::<i64>("user_id")?;
            let body = call.body::<mindz_sdk::types::PatchedUser>()?;
            call.send(Some(body)).await
        }
        "user_update" => {
            call.required::<i64>("user_id")?;
            let body = call.body::<mindz_sdk::types::UserUpdate>()?;
            call.send(Some(body)).await
        }
        other => Err(CliError::Usage(format!("no command for operation `{other}`"))),
    }
}
