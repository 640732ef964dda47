// Timeline stepping (see playback.h).
#include "model/playback.h"

#include <algorithm>

namespace poolscope::app {

bool advance(Playback& playback, float dt, int64_t steps) {
    if (!playback.playing) return false;
    if (steps <= 0) {
        playback.playing = false;
        return false;
    }
    const int64_t before = playback.step;
    playback.time_left -= dt;
    while (playback.time_left <= 0.0f) {
        if (playback.step + 1 >= steps) {
            playback.playing = false;
            playback.time_left = 0.0f;
            break;
        }
        ++playback.step;
        playback.time_left += 1.0f / playback.speed;
    }
    return playback.step != before;
}

void jump_to(Playback& playback, int64_t step, int64_t steps) {
    playback.step = steps <= 0 ? 0 : std::clamp<int64_t>(step, 0, steps - 1);
    playback.time_left = 1.0f / playback.speed;
}

void step_by(Playback& playback, int64_t delta, int64_t steps) {
    playback.playing = false;
    jump_to(playback, playback.step + delta, steps);
}

void toggle_play(Playback& playback, int64_t steps) {
    if (playback.playing) {
        playback.playing = false;
        return;
    }
    if (steps <= 0) return;
    if (playback.step + 1 >= steps) playback.step = 0;
    playback.playing = true;
    playback.time_left = 1.0f / playback.speed;
}

void change_speed(Playback& playback, int direction) {
    const float factor = direction > 0 ? 2.0f : 0.5f;
    playback.speed = std::clamp(playback.speed * factor, kMinSpeed, kMaxSpeed);
    playback.time_left = std::min(playback.time_left, 1.0f / playback.speed);
}

}  // namespace poolscope::app
