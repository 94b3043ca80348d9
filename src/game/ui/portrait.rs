//! The customer's face, drawn by the game from the four mood axes, so every
//! scenario has a portrait without art and the face can move smoothly.

use bevy_egui::egui::{self, Color32, Pos2, Shape, Stroke, epaint::QuadraticBezierShape, vec2};

use crate::scenario::Mood;

/// The shape of a face, each value in -1..=1 or 0..=1, from a mood.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expression {
    /// Inner brow ends: +1 pulled down (anger), -1 pulled up (sorrow).
    pub brow_tilt: f32,
    /// One brow raised: confusion, 0..=1.
    pub brow_raise: f32,
    /// Mouth corners: +1 smile, -1 frown.
    pub smile: f32,
    /// Upper eyelids lowered: distress, 0..=1.
    pub lids: f32,
    /// A tear: strong distress, 0..=1.
    pub tear: f32,
    /// Flushed cheeks: anger, 0..=1.
    pub flush: f32,
}

/// A mood as f32 axes (0 to 100), as the screen eases it.
pub type MoodF = [f32; 4];

/// The f32 form of a mood: anger, trust, confusion, distress.
pub fn mood_f(m: &Mood) -> MoodF {
    [
        m.anger as f32,
        m.trust as f32,
        m.confusion as f32,
        m.distress as f32,
    ]
}

/// Moves `shown` toward `target` with a time constant of about 0.4 s;
/// returns true while it is still visibly moving (and needs frames).
pub fn ease(shown: &mut MoodF, target: &MoodF, dt: f32) -> bool {
    let k = 1.0 - (-dt / 0.4).exp();
    let mut moving = false;
    for (s, t) in shown.iter_mut().zip(target) {
        let d = t - *s;
        if d.abs() < 0.2 {
            *s = *t;
        } else {
            *s += d * k;
            moving = true;
        }
    }
    moving
}

/// How the face looks at a mood.
pub fn expression(m: &MoodF) -> Expression {
    let [anger, trust, confusion, distress] = m.map(|v| (v / 100.0).clamp(0.0, 1.0));
    Expression {
        brow_tilt: (anger - 0.8 * distress).clamp(-1.0, 1.0),
        brow_raise: confusion,
        smile: (1.2 * (trust - 0.5) - 0.8 * anger - 0.6 * distress).clamp(-1.0, 1.0),
        lids: (distress * 0.8).clamp(0.0, 1.0),
        tear: ((distress - 0.6) / 0.4).clamp(0.0, 1.0),
        flush: ((anger - 0.4) / 0.6).clamp(0.0, 1.0),
    }
}

/// Draws the face in a square of `size` points.
pub fn portrait(ui: &mut egui::Ui, m: &MoodF, size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(vec2(size, size), egui::Sense::hover());
    let e = expression(m);
    let p = ui.painter_at(rect);
    let c = rect.center();
    let r = size * 0.42;
    let skin = lerp_color(
        Color32::from_rgb(0xF1, 0xD3, 0xB8),
        Color32::from_rgb(0xE9, 0xA8, 0x96),
        e.flush,
    );
    let ink = Color32::from_rgb(0x3A, 0x2E, 0x2A);
    // Hair, face, shoulders.
    p.circle_filled(
        c + vec2(0.0, -r * 0.08),
        r * 1.02,
        Color32::from_rgb(0x6B, 0x4F, 0x3A),
    );
    p.circle_filled(c, r * 0.92, skin);
    let eye_y = c.y - r * 0.12;
    for side in [-1.0_f32, 1.0] {
        let ex = c.x + side * r * 0.36;
        // Eyes, with lids that drop in distress.
        let eye_r = r * 0.11 * (1.0 + 0.25 * e.brow_raise * f32::from(side > 0.0));
        p.circle_filled(Pos2::new(ex, eye_y), eye_r, Color32::WHITE);
        p.circle_filled(Pos2::new(ex, eye_y), eye_r * 0.55, ink);
        if e.lids > 0.05 {
            let lid = egui::Rect::from_min_max(
                Pos2::new(ex - eye_r * 1.1, eye_y - eye_r * 1.1),
                Pos2::new(
                    ex + eye_r * 1.1,
                    eye_y - eye_r * 1.1 + 2.2 * eye_r * e.lids * 0.6,
                ),
            );
            p.rect_filled(lid, 2.0, skin);
        }
        // Brows: the inner end goes down in anger and up in sorrow; the
        // right brow rises when the customer is confused.
        let lift = r * 0.18 * e.brow_raise * f32::from(side > 0.0);
        let inner = Pos2::new(
            c.x + side * r * 0.14,
            eye_y - r * 0.24 + r * 0.12 * e.brow_tilt - lift,
        );
        let outer = Pos2::new(
            c.x + side * r * 0.56,
            eye_y - r * 0.26 - r * 0.04 * e.brow_tilt - lift,
        );
        p.line_segment([inner, outer], Stroke::new(r * 0.06, ink));
        if e.tear > 0.05 && side < 0.0 {
            p.circle_filled(
                Pos2::new(ex + eye_r * 0.4, eye_y + eye_r * 1.6 + r * 0.1 * e.tear),
                r * 0.045 * (0.6 + e.tear),
                Color32::from_rgb(0x7F, 0xB6, 0xE0),
            );
        }
    }
    // Mouth: a curve whose corners follow the smile.
    let my = c.y + r * 0.42;
    let half = r * 0.3;
    let bend = r * 0.22 * e.smile;
    let curve = QuadraticBezierShape::from_points_stroke(
        [
            Pos2::new(c.x - half, my - bend * 0.5),
            Pos2::new(c.x, my + bend),
            Pos2::new(c.x + half, my - bend * 0.5),
        ],
        false,
        Color32::TRANSPARENT,
        Stroke::new(r * 0.06, ink),
    );
    p.add(Shape::QuadraticBezier(curve));
    response
}

fn lerp_color(a: Color32, b: Color32, t: f32) -> Color32 {
    let l = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(l(a.r(), b.r()), l(a.g(), b.g()), l(a.b(), b.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anger_frowns_and_trust_smiles() {
        let angry = expression(&[90.0, 20.0, 0.0, 0.0]);
        let content = expression(&[0.0, 90.0, 0.0, 0.0]);
        assert!(angry.smile < 0.0 && content.smile > 0.0);
        assert!(angry.brow_tilt > 0.5);
        let grieving = expression(&[0.0, 50.0, 0.0, 95.0]);
        assert!(grieving.brow_tilt < 0.0 && grieving.tear > 0.8);
    }

    #[test]
    fn easing_reaches_the_mood_and_then_stops_asking_for_frames() {
        let mut shown = [0.0; 4];
        let target = [80.0, 20.0, 0.0, 40.0];
        let mut frames = 0;
        while ease(&mut shown, &target, 1.0 / 60.0) {
            frames += 1;
            assert!(frames < 600, "easing must settle within 10 s");
        }
        assert_eq!(shown, target);
        assert!(frames > 10, "the change is animated, not a jump");
        assert!(!ease(&mut shown, &target, 1.0 / 60.0));
    }
}
