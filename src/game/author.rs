//! Author mode (F2, or `headset --author`): for trainers writing a scenario.
//! The call screen shows the node id, the mood as numbers and the facts
//! heard; the trainer can jump to any node; saving the scenario file
//! carries the call over to the new version at the same node, and a save
//! with errors keeps the last good version and shows the errors with their
//! line and column. A call touched by author mode is not stored as an attempt.

use bevy::prelude::*;

use super::call::{ActiveCall, CallSystems};
use super::scenarios::ScenarioAsset;

/// Whether author mode is on, and what it has to say.
#[derive(Resource, Debug, Default, Clone)]
pub struct AuthorMode {
    pub on: bool,
    /// The node chosen in the jump list (index into the compiled node ids);
    /// `None` until the trainer chooses one: the list then points at the
    /// node the call is at.
    pub chosen: Option<usize>,
    /// The errors of the last save that did not load (file:line:column).
    pub error: Option<String>,
    /// What the last reload did.
    pub notice: Option<Reloaded>,
}

/// What a reload did to the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reloaded {
    /// The call goes on at the same node, in the new version.
    KeptNode(String),
    /// The node is gone; the call went back to the start.
    NodeGone(String),
}

/// What the trainer asks of author mode.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum AuthorCommand {
    Toggle,
    /// Choose a node in the jump list.
    Choose(usize),
    /// Move the call to this node (index into the compiled node ids).
    Jump(usize),
}

fn commands(
    mut msgs: MessageReader<AuthorCommand>,
    mut mode: ResMut<AuthorMode>,
    mut calls: Query<&mut ActiveCall>,
) {
    for m in msgs.read() {
        match m {
            AuthorCommand::Toggle => mode.on = !mode.on,
            AuthorCommand::Choose(i) => mode.chosen = Some(*i),
            AuthorCommand::Jump(node) if mode.on => {
                if let Ok(mut call) = calls.single_mut() {
                    call.session.jump(*node);
                    call.authored = true;
                }
            }
            AuthorCommand::Jump(_) => {}
        }
    }
}

/// A saved scenario file reaches the call in progress (author mode only:
/// a trainee's call is never changed under them).
fn reload(
    mut events: MessageReader<AssetEvent<ScenarioAsset>>,
    assets: Res<Assets<ScenarioAsset>>,
    mut mode: ResMut<AuthorMode>,
    mut calls: Query<&mut ActiveCall>,
) {
    for e in events.read() {
        let AssetEvent::Modified { id } = e else {
            continue;
        };
        let Ok(mut call) = calls.single_mut() else {
            continue;
        };
        if !mode.on || call.scenario != *id || call.session.is_over() {
            continue;
        }
        let Some(asset) = assets.get(*id) else {
            continue;
        };
        match &asset.outcome {
            Ok(playable) => {
                let node = call.session.node_id().to_owned();
                // Indices change with the file: the list points at the call again.
                mode.chosen = None;
                let kept = call.session.rebase(playable.compiled.clone());
                call.playable = playable.clone();
                call.authored = true;
                mode.error = None;
                mode.notice = Some(if kept {
                    Reloaded::KeptNode(node)
                } else {
                    Reloaded::NodeGone(node)
                });
                info!("author mode: {} reloaded", asset.file.display());
            }
            Err(diags) => {
                let text: Vec<String> = diags.iter().map(|d| d.render(false)).collect();
                mode.error = Some(text.join("\n"));
                mode.notice = None;
                warn!(
                    "author mode: {} has errors; the call keeps the last good version",
                    asset.file.display()
                );
            }
        }
    }
}

/// A new call starts with a clean panel: the last call's node choice,
/// reload notice and errors belong to another call (a broken file is still
/// listed with its errors in the library).
fn new_call(calls: Query<(), Added<ActiveCall>>, mut mode: ResMut<AuthorMode>) {
    if !calls.is_empty() {
        mode.chosen = None;
        mode.error = None;
        mode.notice = None;
    }
}

/// Author mode's messages and systems (no drawing).
pub fn plugin(app: &mut App) {
    app.init_resource::<AuthorMode>()
        .add_message::<AuthorCommand>()
        .add_systems(
            Update,
            (new_call, commands, reload).chain().after(CallSystems),
        );
}
