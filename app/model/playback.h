// The timeline: which output cell is being computed, and whether it advances on its own.
// A tiny struct advanced by the frame's delta time (the shape of Tracy's playback state).
#pragma once

#include <cstdint>

namespace poolscope::app {

inline constexpr float kMinSpeed = 0.25f;  // steps per second
inline constexpr float kMaxSpeed = 8.0f;

struct Playback {
    int64_t step = 0;        // the output cell being computed (row-major within one channel)
    bool playing = false;    //
    float speed = 1.5f;      // steps per second
    float time_left = 0.0f;  // seconds until the next step while playing
};

// Advances by `dt` seconds over `steps` steps; stops at the last step. Returns true when the step changed.
bool advance(Playback& playback, float dt, int64_t steps);
void step_by(Playback& playback, int64_t delta, int64_t steps);
void jump_to(Playback& playback, int64_t step, int64_t steps);
void toggle_play(Playback& playback, int64_t steps);   // playing from the end restarts at step 0
void change_speed(Playback& playback, int direction);  // ×2 or ÷2 within [kMinSpeed, kMaxSpeed]

}  // namespace poolscope::app
