// The A/B view's model (issue 29): what B can change on A's layer, the suggestions, B built from a choice,
// the one field a lesson's A and B differ in, and the comparison made on the window's input.
#include <gtest/gtest.h>

#include "model/ab_settings.h"

namespace poolscope::app {
namespace {

LayerSpec max3() {
    LayerSpec l;
    l.params.op = PoolOp::kMax;
    l.params.kernel_size = {3, 3};
    l.params.stride = Pair{2, 2};
    return l;
}

TEST(AbSettings, FieldsApplyWhereTheLayerHasThem) {
    LayerSpec avg = max3();
    avg.params.op = PoolOp::kAvg;
    EXPECT_TRUE(ab_field_applies(max3(), AbField::kDilation));
    EXPECT_FALSE(ab_field_applies(max3(), AbField::kCountIncludePad));
    EXPECT_TRUE(ab_field_applies(avg, AbField::kCountIncludePad));
    EXPECT_FALSE(ab_field_applies(avg, AbField::kDilation));  // PyTorch's avg_pool2d has no dilation
    LayerSpec adaptive;
    adaptive.params.op = PoolOp::kAdaptiveMax;
    for (AbField f : {AbField::kCeilMode, AbField::kPadding, AbField::kStride, AbField::kKernel})
        EXPECT_FALSE(ab_field_applies(adaptive, f)) << ab_field_name(f);
    EXPECT_TRUE(ab_field_applies(adaptive, AbField::kMode));
}

TEST(AbSettings, SuggestionsChangeTheFieldAndNothingElse) {
    const LayerSpec a = max3();
    for (AbField field : ab_fields()) {
        if (!ab_field_applies(a, field)) continue;
        const AbChoice c = suggest_choice(a, field);
        const LayerSpec b = apply_choice(a, c);
        EXPECT_FALSE(same_layer(a, b)) << ab_field_name(field);
        const std::optional<AbChoice> back = choice_between(a, b);
        ASSERT_TRUE(back.has_value()) << ab_field_name(field);
        EXPECT_EQ(back->field, field);
        EXPECT_TRUE(same_layer(apply_choice(a, *back), b));
    }
    EXPECT_EQ(suggest_choice(a, AbField::kPadding).pair, (Pair{1, 1}));
    EXPECT_EQ(suggest_choice(a, AbField::kStride).pair, (Pair{1, 1}));
    EXPECT_EQ(suggest_choice(a, AbField::kMode).op, PoolOp::kAvg);
    EXPECT_TRUE(suggest_choice(a, AbField::kCeilMode).flag);
    LayerSpec both = max3();
    both.params.ceil_mode = true;
    both.params.padding = Padding::symmetric({1, 1});
    EXPECT_FALSE(choice_between(max3(), both).has_value());  // two fields: no one choice
}

TEST(AbSettings, ComputeComparesTheWindowsLayerWithB) {
    Document doc = make_default_document();  // D2L's 4 x 4 arange, MaxPool2d(3, padding=1, stride=2)
    AbSettings settings;
    settings.choice = suggest_choice(layer_of(doc), AbField::kCeilMode);
    AbShown shown = compute_ab(doc, settings);
    ASSERT_TRUE(shown.comparison.has_value());
    EXPECT_EQ(shown.a, layer_of(doc));
    EXPECT_TRUE(shown.b.params.ceil_mode);
    EXPECT_EQ(shown.comparison->b.plan->output.w, 3);  // the floor vs ceil_mode: a 3rd column
    EXPECT_FALSE(shown.comparison->only_b.empty());

    // A lesson's A and B win until the student leaves them; then B keeps the lesson's one change.
    StepCompare lesson{layer_of(doc), layer_of(doc)};
    lesson.b.params.padding = Padding{};
    settings.lesson = lesson;
    settings.lesson_step = "/steps/2";
    shown = compute_ab(doc, settings);
    EXPECT_EQ(shown.b.params.padding, Padding{});
    leave_lesson_compare(settings, doc);
    EXPECT_FALSE(settings.lesson.has_value());
    EXPECT_EQ(settings.choice.field, AbField::kPadding);
    EXPECT_EQ(settings.choice.pair, (Pair{0, 0}));
}

}  // namespace
}  // namespace poolscope::app
