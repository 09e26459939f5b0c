#include "scenes.h"

namespace koho::genmedia {

const std::vector<Scene>& all_scenes() {
    // Landscape pictures are 3:2; the cover matches the pamphlet's cover
    // photo frame (216 × 160 mm); portraits are 3:4.
    static const std::vector<Scene> scenes = {
        {"cover.jpg", 1350, 1000, draw_cover},
        {"office.jpg", 1200, 800, draw_office},
        {"playroom.jpg", 1200, 800, draw_playroom},
        {"facility.jpg", 1200, 800, draw_facility},
        {"park.jpg", 1200, 800, draw_park},
        {"team.jpg", 1200, 800, draw_team},
        {"interview-1.jpg", 900, 1200, draw_interview_1},
        {"interview-2.jpg", 900, 1200, draw_interview_2},
        {"interview-3.jpg", 900, 1200, draw_interview_3},
        {"session.jpg", 1200, 800, draw_session},
    };
    return scenes;
}

}  // namespace koho::genmedia
