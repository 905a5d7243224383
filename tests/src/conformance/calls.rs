// @generated from schema/mindz.yaml by `cargo xtask conformance` (mindz-codegen/src/conformance.rs). Do not edit by hand.

//! Typed calls of every operation with example inputs from the schema,
//! for the conformance driver (`src/bin/conformance.rs`).
use mindz_sdk::{Client, types};
use super::{Outcome, body, outcome};
/// Every operation id [`call`] knows, sorted.
pub const DRIVEN: &[&str] = &[
    "bundle_create",
    "bundle_delete",
    "bundle_get",
    "bundle_list",
    "bundle_partial_update",
    "bundle_update",
    "course_create",
    "course_delete",
    "course_get",
    "course_grade_create",
    "course_grade_delete",
    "course_grade_detail_create",
    "course_grade_detail_delete",
    "course_grade_detail_get",
    "course_grade_detail_list",
    "course_grade_detail_partial_update",
    "course_grade_detail_update",
    "course_grade_get",
    "course_grade_list",
    "course_grade_partial_update",
    "course_grade_update",
    "course_list",
    "course_partial_update",
    "course_teacher_create",
    "course_teacher_delete",
    "course_teacher_get",
    "course_teacher_list",
    "course_teacher_partial_update",
    "course_teacher_update",
    "course_update",
    "email_campaign_course_create",
    "email_campaign_course_delete",
    "email_campaign_course_get",
    "email_campaign_course_list",
    "email_campaign_create",
    "email_campaign_delete",
    "email_campaign_excluded_course_create",
    "email_campaign_excluded_course_delete",
    "email_campaign_excluded_course_get",
    "email_campaign_excluded_course_list",
    "email_campaign_excluded_list_create",
    "email_campaign_excluded_list_delete",
    "email_campaign_excluded_list_get",
    "email_campaign_excluded_list_list",
    "email_campaign_excluded_plan_create",
    "email_campaign_excluded_plan_delete",
    "email_campaign_excluded_plan_get",
    "email_campaign_excluded_plan_list",
    "email_campaign_get",
    "email_campaign_list",
    "email_campaign_list_create",
    "email_campaign_list_delete",
    "email_campaign_list_get",
    "email_campaign_list_list",
    "email_campaign_partial_update",
    "email_campaign_plan_create",
    "email_campaign_plan_delete",
    "email_campaign_plan_get",
    "email_campaign_plan_list",
    "email_campaign_update",
    "email_create",
    "email_delete",
    "email_get",
    "email_list",
    "email_list_create",
    "email_list_delete",
    "email_list_get",
    "email_list_list",
    "email_list_partial_update",
    "email_list_update",
    "email_partial_update",
    "email_update",
    "enroll_create",
    "enroll_delete",
    "enroll_get",
    "enroll_list",
    "enroll_partial_update",
    "enroll_update",
    "mindzpay_account_get",
    "mindzpay_account_list",
    "mindzpay_invoice_cancel",
    "mindzpay_invoice_create",
    "mindzpay_invoice_get",
    "mindzpay_invoice_list",
    "mindzpay_invoice_refresh",
    "mindzpay_invoice_reissue",
    "mindzpay_invoice_update",
    "mindzpay_payment_get",
    "mindzpay_payment_list",
    "mindzpay_payment_refund",
    "mindzpay_subscription_cancel",
    "mindzpay_subscription_get",
    "mindzpay_subscription_list",
    "mindzpay_subscription_reactivate",
    "mindzpay_subscription_suspend",
    "public_contact_create",
    "public_newsletter_subscribe",
    "public_product_list",
    "public_site_identity_get",
    "public_statement_list",
    "public_stats_get",
    "subscription_add_product",
    "subscription_create",
    "subscription_delete",
    "subscription_get",
    "subscription_list",
    "subscription_partial_update",
    "subscription_remove_product",
    "subscription_update",
    "team_create",
    "team_delete",
    "team_get",
    "team_list",
    "team_partial_update",
    "team_update",
    "user_change_password",
    "user_create",
    "user_delete",
    "user_get",
    "user_list",
    "user_partial_update",
    "user_update",
];
/// Sends operation `id` with the schema's example inputs and says
/// how it went; `None` when `id` has no entry here.
pub async fn call(client: &Client, id: &str) -> Option<Outcome> {
    let outcome = match id {
        "bundle_create" => {
            let body: types::BundleCreate = match body(
                r#"{"access_days":1,"courses":[1],"description":"example description","image":"example image","launch_date":"2024-05-06T07:08:09Z","name":"example namexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","price":"62.90","short_description":"example short description","slug":"example slug","video":"example video"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.bundle_create().body(body).send().await)
        }
        "bundle_delete" => outcome(client.bundle_delete().bundle_id(1i64).send().await),
        "bundle_get" => outcome(client.bundle_get().bundle_id(1i64).send().await),
        "bundle_list" => {
            outcome(
                client
                    .bundle_list()
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::BundleOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "bundle_partial_update" => {
            let body: types::PatchedBundle = match body(
                r#"{"access_days":1,"courses":[1],"description":"example description","image":"example image","launch_date":"2024-05-06T07:08:09Z","name":"example namexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","price":"62.90","short_description":"example short description","slug":"example slug","video":"example video"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client.bundle_partial_update().bundle_id(1i64).body(body).send().await,
            )
        }
        "bundle_update" => {
            let body: types::BundleUpdate = match body(
                r#"{"access_days":1,"courses":[1],"description":"example description","image":"example image","launch_date":"2024-05-06T07:08:09Z","name":"example namexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","price":"62.90","short_description":"example short description","slug":"example slug","video":"example video"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.bundle_update().bundle_id(1i64).body(body).send().await)
        }
        "course_create" => {
            let body: types::CourseCreate = match body(
                r#"{"access_days":1,"active":true,"description":"example description","image":"example image","launch_date":"2024-05-06T07:08:09Z","name":"example namexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","price":"62.90","short_description":"example short description","slug":"example slug","video":"example video"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.course_create().body(body).send().await)
        }
        "course_delete" => outcome(client.course_delete().course_id(1i64).send().await),
        "course_get" => outcome(client.course_get().course_id(1i64).send().await),
        "course_grade_create" => {
            let body: types::CourseGradeCreate = match body(
                r#"{"name":"example name","order":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.course_grade_create().course_id(1i64).body(body).send().await)
        }
        "course_grade_delete" => {
            outcome(
                client.course_grade_delete().course_id(1i64).grade_id(1i64).send().await,
            )
        }
        "course_grade_detail_create" => {
            let body: types::CourseGradeDetailCreate = match body(
                r#"{"kind":"lesson","name":"example name","order":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .course_grade_detail_create()
                    .course_id(1i64)
                    .grade_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "course_grade_detail_delete" => {
            outcome(
                client
                    .course_grade_detail_delete()
                    .course_id(1i64)
                    .grade_id(1i64)
                    .detail_id(1i64)
                    .send()
                    .await,
            )
        }
        "course_grade_detail_get" => {
            outcome(
                client
                    .course_grade_detail_get()
                    .course_id(1i64)
                    .grade_id(1i64)
                    .detail_id(1i64)
                    .send()
                    .await,
            )
        }
        "course_grade_detail_list" => {
            outcome(
                client
                    .course_grade_detail_list()
                    .course_id(1i64)
                    .grade_id(1i64)
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::CourseGradeDetailOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "course_grade_detail_partial_update" => {
            let body: types::PatchedCourseGradeDetail = match body(
                r#"{"kind":"lesson","name":"example name","order":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .course_grade_detail_partial_update()
                    .course_id(1i64)
                    .grade_id(1i64)
                    .detail_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "course_grade_detail_update" => {
            let body: types::CourseGradeDetailUpdate = match body(
                r#"{"kind":"lesson","name":"example name","order":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .course_grade_detail_update()
                    .course_id(1i64)
                    .grade_id(1i64)
                    .detail_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "course_grade_get" => {
            outcome(
                client.course_grade_get().course_id(1i64).grade_id(1i64).send().await,
            )
        }
        "course_grade_list" => {
            outcome(
                client
                    .course_grade_list()
                    .course_id(1i64)
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::CourseGradeOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "course_grade_partial_update" => {
            let body: types::PatchedCourseGrade = match body(
                r#"{"name":"example name","order":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .course_grade_partial_update()
                    .course_id(1i64)
                    .grade_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "course_grade_update" => {
            let body: types::CourseGradeUpdate = match body(
                r#"{"name":"example name","order":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .course_grade_update()
                    .course_id(1i64)
                    .grade_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "course_list" => {
            outcome(
                client
                    .course_list()
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::CourseOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "course_partial_update" => {
            let body: types::PatchedCourse = match body(
                r#"{"access_days":1,"active":true,"description":"example description","image":"example image","launch_date":"2024-05-06T07:08:09Z","name":"example namexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","price":"62.90","short_description":"example short description","slug":"example slug","video":"example video"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client.course_partial_update().course_id(1i64).body(body).send().await,
            )
        }
        "course_teacher_create" => {
            let body: types::CourseTeacherCreate = match body(
                r#"{"community_notification":true,"financial":true,"grader":true,"news":true,"profile_viewer":true,"teacher_visualization":true,"tutor":true,"user":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client.course_teacher_create().course_id(1i64).body(body).send().await,
            )
        }
        "course_teacher_delete" => {
            outcome(
                client
                    .course_teacher_delete()
                    .course_id(1i64)
                    .teacher_id(1i64)
                    .send()
                    .await,
            )
        }
        "course_teacher_get" => {
            outcome(
                client.course_teacher_get().course_id(1i64).teacher_id(1i64).send().await,
            )
        }
        "course_teacher_list" => {
            outcome(
                client
                    .course_teacher_list()
                    .course_id(1i64)
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::CourseTeacherOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "course_teacher_partial_update" => {
            let body: types::PatchedCourseTeacher = match body(
                r#"{"community_notification":true,"financial":true,"grader":true,"news":true,"profile_viewer":true,"teacher_visualization":true,"tutor":true,"user":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .course_teacher_partial_update()
                    .course_id(1i64)
                    .teacher_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "course_teacher_update" => {
            let body: types::CourseTeacherUpdate = match body(
                r#"{"community_notification":true,"financial":true,"grader":true,"news":true,"profile_viewer":true,"teacher_visualization":true,"tutor":true,"user":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .course_teacher_update()
                    .course_id(1i64)
                    .teacher_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "course_update" => {
            let body: types::CourseUpdate = match body(
                r#"{"access_days":1,"active":true,"description":"example description","image":"example image","launch_date":"2024-05-06T07:08:09Z","name":"example namexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","price":"62.90","short_description":"example short description","slug":"example slug","video":"example video"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.course_update().course_id(1i64).body(body).send().await)
        }
        "email_campaign_course_create" => {
            let body: types::EmailCampaignCourseCreate = match body(r#"{"course":1}"#) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_campaign_course_create()
                    .email_campaign_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "email_campaign_course_delete" => {
            outcome(
                client
                    .email_campaign_course_delete()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_course_get" => {
            outcome(
                client
                    .email_campaign_course_get()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_course_list" => {
            outcome(
                client
                    .email_campaign_course_list()
                    .email_campaign_id(1i64)
                    .limit(50u64)
                    .offset(0u64)
                    .send()
                    .await,
            )
        }
        "email_campaign_create" => {
            let body: types::EmailCampaignCreate = match body(
                r#"{"content":"example content","name":"example name","send_at":"2024-05-06T07:08:09Z","subject":"example subject"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.email_campaign_create().body(body).send().await)
        }
        "email_campaign_delete" => {
            outcome(client.email_campaign_delete().email_campaign_id(1i64).send().await)
        }
        "email_campaign_excluded_course_create" => {
            let body: types::EmailCampaignExcludedCourseCreate = match body(
                r#"{"course":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_campaign_excluded_course_create()
                    .email_campaign_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_course_delete" => {
            outcome(
                client
                    .email_campaign_excluded_course_delete()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_course_get" => {
            outcome(
                client
                    .email_campaign_excluded_course_get()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_course_list" => {
            outcome(
                client
                    .email_campaign_excluded_course_list()
                    .email_campaign_id(1i64)
                    .limit(50u64)
                    .offset(0u64)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_list_create" => {
            let body: types::EmailCampaignExcludedListCreate = match body(
                r#"{"email_list":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_campaign_excluded_list_create()
                    .email_campaign_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_list_delete" => {
            outcome(
                client
                    .email_campaign_excluded_list_delete()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_list_get" => {
            outcome(
                client
                    .email_campaign_excluded_list_get()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_list_list" => {
            outcome(
                client
                    .email_campaign_excluded_list_list()
                    .email_campaign_id(1i64)
                    .limit(50u64)
                    .offset(0u64)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_plan_create" => {
            let body: types::EmailCampaignExcludedPlanCreate = match body(
                r#"{"plan":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_campaign_excluded_plan_create()
                    .email_campaign_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_plan_delete" => {
            outcome(
                client
                    .email_campaign_excluded_plan_delete()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_plan_get" => {
            outcome(
                client
                    .email_campaign_excluded_plan_get()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_excluded_plan_list" => {
            outcome(
                client
                    .email_campaign_excluded_plan_list()
                    .email_campaign_id(1i64)
                    .limit(50u64)
                    .offset(0u64)
                    .send()
                    .await,
            )
        }
        "email_campaign_get" => {
            outcome(client.email_campaign_get().email_campaign_id(1i64).send().await)
        }
        "email_campaign_list" => {
            outcome(
                client
                    .email_campaign_list()
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::EmailCampaignOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "email_campaign_list_create" => {
            let body: types::EmailCampaignListCreate = match body(
                r#"{"email_list":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_campaign_list_create()
                    .email_campaign_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "email_campaign_list_delete" => {
            outcome(
                client
                    .email_campaign_list_delete()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_list_get" => {
            outcome(
                client
                    .email_campaign_list_get()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_list_list" => {
            outcome(
                client
                    .email_campaign_list_list()
                    .email_campaign_id(1i64)
                    .limit(50u64)
                    .offset(0u64)
                    .send()
                    .await,
            )
        }
        "email_campaign_partial_update" => {
            let body: types::PatchedEmailCampaign = match body(
                r#"{"content":"example content","name":"example name","send_at":"2024-05-06T07:08:09Z","subject":"example subject"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_campaign_partial_update()
                    .email_campaign_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "email_campaign_plan_create" => {
            let body: types::EmailCampaignPlanCreate = match body(r#"{"plan":1}"#) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_campaign_plan_create()
                    .email_campaign_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "email_campaign_plan_delete" => {
            outcome(
                client
                    .email_campaign_plan_delete()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_plan_get" => {
            outcome(
                client
                    .email_campaign_plan_get()
                    .email_campaign_id(1i64)
                    .link_id(1i64)
                    .send()
                    .await,
            )
        }
        "email_campaign_plan_list" => {
            outcome(
                client
                    .email_campaign_plan_list()
                    .email_campaign_id(1i64)
                    .limit(50u64)
                    .offset(0u64)
                    .send()
                    .await,
            )
        }
        "email_campaign_update" => {
            let body: types::EmailCampaignUpdate = match body(
                r#"{"content":"example content","name":"example name","send_at":"2024-05-06T07:08:09Z","subject":"example subject"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_campaign_update()
                    .email_campaign_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "email_create" => {
            let body: types::EmailCreate = match body(
                r#"{"email":"conformance@example.com","first_name":"example first namexxxxxxxxxxxx","last_name":"example last namexxxxxxxxxxxxx"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.email_create().email_list_id(1i64).body(body).send().await)
        }
        "email_delete" => {
            outcome(
                client.email_delete().email_list_id(1i64).email_id(1i64).send().await,
            )
        }
        "email_get" => {
            outcome(client.email_get().email_list_id(1i64).email_id(1i64).send().await)
        }
        "email_list" => {
            outcome(
                client
                    .email_list()
                    .email_list_id(1i64)
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::EmailOrdering::CreatedAt)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "email_list_create" => {
            let body: types::EmailListCreate = match body(
                r#"{"code":"example codexxx","name":"example name"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.email_list_create().body(body).send().await)
        }
        "email_list_delete" => {
            outcome(client.email_list_delete().email_list_id(1i64).send().await)
        }
        "email_list_get" => {
            outcome(client.email_list_get().email_list_id(1i64).send().await)
        }
        "email_list_list" => {
            outcome(
                client
                    .email_list_list()
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::EmailListOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "email_list_partial_update" => {
            let body: types::PatchedEmailList = match body(
                r#"{"code":"example codexxx","name":"example name"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_list_partial_update()
                    .email_list_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "email_list_update" => {
            let body: types::EmailListUpdate = match body(
                r#"{"code":"example codexxx","name":"example name"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client.email_list_update().email_list_id(1i64).body(body).send().await,
            )
        }
        "email_partial_update" => {
            let body: types::PatchedEmail = match body(
                r#"{"email":"conformance@example.com","first_name":"example first namexxxxxxxxxxxx","last_name":"example last namexxxxxxxxxxxxx"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_partial_update()
                    .email_list_id(1i64)
                    .email_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "email_update" => {
            let body: types::EmailUpdate = match body(
                r#"{"email":"conformance@example.com","first_name":"example first namexxxxxxxxxxxx","last_name":"example last namexxxxxxxxxxxxx"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .email_update()
                    .email_list_id(1i64)
                    .email_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "enroll_create" => {
            let body: types::EnrollCreate = match body(
                r#"{"course":1,"expiry_date":"2024-05-06T07:08:09Z","payment":1,"user":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.enroll_create().body(body).send().await)
        }
        "enroll_delete" => outcome(client.enroll_delete().enroll_id(1i64).send().await),
        "enroll_get" => outcome(client.enroll_get().enroll_id(1i64).send().await),
        "enroll_list" => {
            outcome(
                client
                    .enroll_list()
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::EnrollOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "enroll_partial_update" => {
            let body: types::PatchedEnroll = match body(
                r#"{"course":1,"expiry_date":"2024-05-06T07:08:09Z","payment":1,"user":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client.enroll_partial_update().enroll_id(1i64).body(body).send().await,
            )
        }
        "enroll_update" => {
            let body: types::EnrollUpdate = match body(
                r#"{"course":1,"expiry_date":"2024-05-06T07:08:09Z","payment":1,"user":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.enroll_update().enroll_id(1i64).body(body).send().await)
        }
        "mindzpay_account_get" => {
            outcome(
                client
                    .mindzpay_account_get()
                    .account_id("example account id")
                    .send()
                    .await,
            )
        }
        "mindzpay_account_list" => {
            outcome(
                client
                    .mindzpay_account_list()
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::MindzPayAccountOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "mindzpay_invoice_cancel" => {
            outcome(
                client
                    .mindzpay_invoice_cancel()
                    .account_key("example account key")
                    .invoice_id("example invoice id")
                    .send()
                    .await,
            )
        }
        "mindzpay_invoice_create" => {
            let body: types::MindzPayInvoiceCreate = match body(
                r#"{"amount":"62.90","client":1,"nfe_id":"example nfe id","payment":1,"status":0}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .mindzpay_invoice_create()
                    .account_key("example account key")
                    .body(body)
                    .send()
                    .await,
            )
        }
        "mindzpay_invoice_get" => {
            outcome(
                client
                    .mindzpay_invoice_get()
                    .account_key("example account key")
                    .invoice_id("example invoice id")
                    .send()
                    .await,
            )
        }
        "mindzpay_invoice_list" => {
            outcome(
                client
                    .mindzpay_invoice_list()
                    .account_key("example account key")
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::MindzPayInvoiceOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "mindzpay_invoice_refresh" => {
            outcome(
                client
                    .mindzpay_invoice_refresh()
                    .account_key("example account key")
                    .invoice_id("example invoice id")
                    .send()
                    .await,
            )
        }
        "mindzpay_invoice_reissue" => {
            outcome(
                client
                    .mindzpay_invoice_reissue()
                    .account_key("example account key")
                    .invoice_id("example invoice id")
                    .send()
                    .await,
            )
        }
        "mindzpay_invoice_update" => {
            let body: types::MindzPayInvoiceUpdate = match body(
                r#"{"amount":"62.90","client":1,"nfe_id":"example nfe id","payment":1,"status":0}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .mindzpay_invoice_update()
                    .account_key("example account key")
                    .invoice_id("example invoice id")
                    .body(body)
                    .send()
                    .await,
            )
        }
        "mindzpay_payment_get" => {
            outcome(
                client
                    .mindzpay_payment_get()
                    .account_id("example account id")
                    .payment_id("example payment id")
                    .send()
                    .await,
            )
        }
        "mindzpay_payment_list" => {
            outcome(
                client
                    .mindzpay_payment_list()
                    .account_id("example account id")
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::MindzPayPaymentOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "mindzpay_payment_refund" => {
            outcome(
                client
                    .mindzpay_payment_refund()
                    .account_id("example account id")
                    .payment_id("example payment id")
                    .send()
                    .await,
            )
        }
        "mindzpay_subscription_cancel" => {
            outcome(
                client
                    .mindzpay_subscription_cancel()
                    .account_id("example account id")
                    .subscription_id("example subscription id")
                    .send()
                    .await,
            )
        }
        "mindzpay_subscription_get" => {
            outcome(
                client
                    .mindzpay_subscription_get()
                    .account_id("example account id")
                    .subscription_id("example subscription id")
                    .send()
                    .await,
            )
        }
        "mindzpay_subscription_list" => {
            outcome(
                client
                    .mindzpay_subscription_list()
                    .account_id("example account id")
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::MindzPaySubscriptionOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "mindzpay_subscription_reactivate" => {
            outcome(
                client
                    .mindzpay_subscription_reactivate()
                    .account_id("example account id")
                    .subscription_id("example subscription id")
                    .send()
                    .await,
            )
        }
        "mindzpay_subscription_suspend" => {
            outcome(
                client
                    .mindzpay_subscription_suspend()
                    .account_id("example account id")
                    .subscription_id("example subscription id")
                    .send()
                    .await,
            )
        }
        "public_contact_create" => {
            let body: types::ContactRequest = match body(
                r#"{"email":"conformance@example.com","message":"example message","name":"example namexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","subject":"Comercial"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.public_contact_create().body(body).send().await)
        }
        "public_newsletter_subscribe" => {
            let body: types::NewsletterRequest = match body(
                r#"{"email":"conformance@example.com","email_list_code":"example email l","first_name":"example first namexxxxxxxxxxxx","last_name":"example last namexxxxxxxxxxxxx"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.public_newsletter_subscribe().body(body).send().await)
        }
        "public_product_list" => outcome(client.public_product_list().send().await),
        "public_site_identity_get" => {
            outcome(client.public_site_identity_get().send().await)
        }
        "public_statement_list" => outcome(client.public_statement_list().send().await),
        "public_stats_get" => outcome(client.public_stats_get().send().await),
        "subscription_add_product" => {
            let body: types::AddProductRequest = match body(r#"{"product_id":1}"#) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .subscription_add_product()
                    .subscription_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "subscription_create" => {
            let body: types::SubscriptionCreate = match body(
                r#"{"access_days":1,"client_limit_count":1,"description":"example description","faq_active":true,"faq_base_questions":true,"frequency":1,"image":"example image","interval":"days","launch_date":"2024-05-06T07:08:09Z","max_commission_cycles":1,"max_cycles":1,"name":"example name","password":"example password","price":"62.90","redirect":"example redirect","short_description":"example short description","slug":"example slug","syllabus":"example syllabus","video":"example video","video_id":"example video id"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.subscription_create().body(body).send().await)
        }
        "subscription_delete" => {
            outcome(client.subscription_delete().subscription_id(1i64).send().await)
        }
        "subscription_get" => {
            outcome(client.subscription_get().subscription_id(1i64).send().await)
        }
        "subscription_list" => {
            outcome(
                client
                    .subscription_list()
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::SubscriptionOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "subscription_partial_update" => {
            let body: types::PatchedSubscription = match body(
                r#"{"access_days":1,"client_limit_count":1,"description":"example description","faq_active":true,"faq_base_questions":true,"frequency":1,"image":"example image","interval":"days","launch_date":"2024-05-06T07:08:09Z","max_commission_cycles":1,"max_cycles":1,"name":"example name","password":"example password","price":"62.90","redirect":"example redirect","short_description":"example short description","slug":"example slug","syllabus":"example syllabus","video":"example video","video_id":"example video id"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .subscription_partial_update()
                    .subscription_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "subscription_remove_product" => {
            let body: types::RemoveProductRequest = match body(r#"{"product_id":1}"#) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .subscription_remove_product()
                    .subscription_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "subscription_update" => {
            let body: types::SubscriptionUpdate = match body(
                r#"{"access_days":1,"client_limit_count":1,"description":"example description","faq_active":true,"faq_base_questions":true,"frequency":1,"image":"example image","interval":"days","launch_date":"2024-05-06T07:08:09Z","max_commission_cycles":1,"max_cycles":1,"name":"example name","password":"example password","price":"62.90","redirect":"example redirect","short_description":"example short description","slug":"example slug","syllabus":"example syllabus","video":"example video","video_id":"example video id"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client
                    .subscription_update()
                    .subscription_id(1i64)
                    .body(body)
                    .send()
                    .await,
            )
        }
        "team_create" => {
            let body: types::TeamMemberCreate = match body(
                r#"{"admin_permission":true,"courses_permission":true,"editor_permission":true,"gurupay_permission":true,"integration_permission":true,"marketing_permission":true,"statistics_permission":true,"teacher_permission":true,"team_permission":true,"user":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.team_create().body(body).send().await)
        }
        "team_delete" => outcome(client.team_delete().team_member_id(1i64).send().await),
        "team_get" => outcome(client.team_get().team_member_id(1i64).send().await),
        "team_list" => {
            outcome(
                client
                    .team_list()
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::TeamMemberOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "team_partial_update" => {
            let body: types::PatchedTeamMember = match body(
                r#"{"admin_permission":true,"courses_permission":true,"editor_permission":true,"gurupay_permission":true,"integration_permission":true,"marketing_permission":true,"statistics_permission":true,"teacher_permission":true,"team_permission":true,"user":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(
                client.team_partial_update().team_member_id(1i64).body(body).send().await,
            )
        }
        "team_update" => {
            let body: types::TeamMemberUpdate = match body(
                r#"{"admin_permission":true,"courses_permission":true,"editor_permission":true,"gurupay_permission":true,"integration_permission":true,"marketing_permission":true,"statistics_permission":true,"teacher_permission":true,"team_permission":true,"user":1}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.team_update().team_member_id(1i64).body(body).send().await)
        }
        "user_change_password" => {
            let body: types::ChangePasswordRequest = match body(
                r#"{"password":"example password"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.user_change_password().user_id(1i64).body(body).send().await)
        }
        "user_create" => {
            let body: types::UserCreate = match body(
                r#"{"bio":"example bio","birth_date":"2024-05-06","city":"example city","complement":"example complement","corporate_name":"example corporate name","country":"example country","district":"example district","document":"example document","email":"conformance@example.com","first_name":"example first name","gender":"male","is_suspended":true,"last_name":"example last name","number":"example number","password":"example password","person_type":"pf","phone":"example phone","state":"example state","street":"example street","username":"example username","zip_code":"example zip code"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.user_create().body(body).send().await)
        }
        "user_delete" => outcome(client.user_delete().user_id(1i64).send().await),
        "user_get" => outcome(client.user_get().user_id(1i64).send().await),
        "user_list" => {
            outcome(
                client
                    .user_list()
                    .limit(50u64)
                    .offset(0u64)
                    .ordering(types::UserOrdering::Id)
                    .search("example search")
                    .send()
                    .await,
            )
        }
        "user_partial_update" => {
            let body: types::PatchedUser = match body(
                r#"{"bio":"example bio","birth_date":"2024-05-06","city":"example city","complement":"example complement","corporate_name":"example corporate name","country":"example country","district":"example district","document":"example document","email":"conformance@example.com","first_name":"example first name","gender":"male","is_suspended":true,"last_name":"example last name","number":"example number","password":"example password","person_type":"pf","phone":"example phone","state":"example state","street":"example street","username":"example username","zip_code":"example zip code"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.user_partial_update().user_id(1i64).body(body).send().await)
        }
        "user_update" => {
            let body: types::UserUpdate = match body(
                r#"{"bio":"example bio","birth_date":"2024-05-06","city":"example city","complement":"example complement","corporate_name":"example corporate name","country":"example country","district":"example district","document":"example document","email":"conformance@example.com","first_name":"example first name","gender":"male","is_suspended":true,"last_name":"example last name","number":"example number","password":"example password","person_type":"pf","phone":"example phone","state":"example state","street":"example street","username":"example username","zip_code":"example zip code"}"#,
            ) {
                Ok(body) => body,
                Err(failed) => return Some(failed),
            };
            outcome(client.user_update().user_id(1i64).body(body).send().await)
        }
        _ => return None,
    };
    Some(outcome)
}
