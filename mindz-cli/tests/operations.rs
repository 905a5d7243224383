//! Every operation of `mindz_sdk::OPERATIONS` is a `mindz` command, with
//! the same method and path.

use mindz_cli::app::command;
use mindz_cli::generated::OPS;

#[test]
fn every_operation_is_reachable_as_a_command() {
    assert_eq!(OPS.len(), mindz_sdk::OPERATIONS.len());
    for operation in mindz_sdk::OPERATIONS {
        let op = OPS
            .iter()
            .find(|op| op.id == operation.id)
            .unwrap_or_else(|| panic!("no command for {}", operation.id));
        assert_eq!(
            (op.method, op.path),
            (operation.method, operation.path),
            "{}",
            op.id
        );
        let mut args = vec![
            "mindz".to_string(),
            op.resource.into(),
            op.action.into(),
            "--dry-run".into(),
        ];
        for p in op.params.iter().filter(|p| p.required) {
            args.push(format!("--{}", p.flag));
            args.push("1".into());
        }
        let matches = command()
            .try_get_matches_from(&args)
            .unwrap_or_else(|e| panic!("{}: {e}", args.join(" ")));
        let (resource, sub) = matches.subcommand().expect("a resource");
        let (action, _) = sub.subcommand().expect("an action");
        assert_eq!((resource, action), (op.resource, op.action));
    }
}

#[test]
fn commands_are_unique() {
    let mut names: Vec<(&str, &str)> = OPS.iter().map(|op| (op.resource, op.action)).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), OPS.len());
}
