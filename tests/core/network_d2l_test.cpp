// D2L's four shape tables, line for line as the book prints them (`for layer in net: X = layer(X);
// print(layer.__class__.__name__, 'output shape:\t', X.shape)`), from the networks in lessons/networks/:
// LeNet (7.6), AlexNet (8.1), VGG-11 (8.2) and NiN (8.3), and their parameter counts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "poolscope/network.h"
#include "poolscope/network_shape.h"

namespace poolscope {
namespace {

NetworkShapes shapes_of(const std::string& name) {
    Result<Network> net = network_from_file(std::string(POOLSCOPE_NETWORKS_DIR) + "/" + name + ".json");
    EXPECT_TRUE(net.ok()) << net.error_text();
    return net ? network_shapes(*net) : NetworkShapes{};
}

TEST(D2lTables, LeNet) {
    const NetworkShapes shapes = shapes_of("lenet");
    ASSERT_TRUE(shapes.ok());
    const std::vector<std::string> book = {
        "Conv2d output shape:\t torch.Size([1, 6, 28, 28])",
        "Sigmoid output shape:\t torch.Size([1, 6, 28, 28])",
        "AvgPool2d output shape:\t torch.Size([1, 6, 14, 14])",
        "Conv2d output shape:\t torch.Size([1, 16, 10, 10])",
        "Sigmoid output shape:\t torch.Size([1, 16, 10, 10])",
        "AvgPool2d output shape:\t torch.Size([1, 16, 5, 5])",
        "Flatten output shape:\t torch.Size([1, 400])",
        "Linear output shape:\t torch.Size([1, 120])",
        "Sigmoid output shape:\t torch.Size([1, 120])",
        "Linear output shape:\t torch.Size([1, 84])",
        "Sigmoid output shape:\t torch.Size([1, 84])",
        "Linear output shape:\t torch.Size([1, 10])",
    };
    EXPECT_EQ(d2l_table(shapes), book);
    // 6*1*5*5+6 + 16*6*5*5+16 + 400*120+120 + 120*84+84 + 84*10+10
    EXPECT_EQ(shapes.parameters, 61706);
}

TEST(D2lTables, AlexNet) {
    const NetworkShapes shapes = shapes_of("alexnet");
    ASSERT_TRUE(shapes.ok());
    const std::vector<std::string> book = {
        "Conv2d output shape:\t torch.Size([1, 96, 54, 54])",
        "ReLU output shape:\t torch.Size([1, 96, 54, 54])",
        "MaxPool2d output shape:\t torch.Size([1, 96, 26, 26])",
        "Conv2d output shape:\t torch.Size([1, 256, 26, 26])",
        "ReLU output shape:\t torch.Size([1, 256, 26, 26])",
        "MaxPool2d output shape:\t torch.Size([1, 256, 12, 12])",
        "Conv2d output shape:\t torch.Size([1, 384, 12, 12])",
        "ReLU output shape:\t torch.Size([1, 384, 12, 12])",
        "Conv2d output shape:\t torch.Size([1, 384, 12, 12])",
        "ReLU output shape:\t torch.Size([1, 384, 12, 12])",
        "Conv2d output shape:\t torch.Size([1, 256, 12, 12])",
        "ReLU output shape:\t torch.Size([1, 256, 12, 12])",
        "MaxPool2d output shape:\t torch.Size([1, 256, 5, 5])",
        "Flatten output shape:\t torch.Size([1, 6400])",
        "Linear output shape:\t torch.Size([1, 4096])",
        "ReLU output shape:\t torch.Size([1, 4096])",
        "Dropout output shape:\t torch.Size([1, 4096])",
        "Linear output shape:\t torch.Size([1, 4096])",
        "ReLU output shape:\t torch.Size([1, 4096])",
        "Dropout output shape:\t torch.Size([1, 4096])",
        "Linear output shape:\t torch.Size([1, 10])",
    };
    EXPECT_EQ(d2l_table(shapes), book);
    EXPECT_EQ(shapes.parameters, 46764746);
}

TEST(D2lTables, Vgg11) {
    const NetworkShapes shapes = shapes_of("vgg11");
    ASSERT_TRUE(shapes.ok());
    const std::vector<std::string> book = {
        "Sequential output shape:\t torch.Size([1, 64, 112, 112])",
        "Sequential output shape:\t torch.Size([1, 128, 56, 56])",
        "Sequential output shape:\t torch.Size([1, 256, 28, 28])",
        "Sequential output shape:\t torch.Size([1, 512, 14, 14])",
        "Sequential output shape:\t torch.Size([1, 512, 7, 7])",
        "Flatten output shape:\t torch.Size([1, 25088])",
        "Linear output shape:\t torch.Size([1, 4096])",
        "ReLU output shape:\t torch.Size([1, 4096])",
        "Dropout output shape:\t torch.Size([1, 4096])",
        "Linear output shape:\t torch.Size([1, 4096])",
        "ReLU output shape:\t torch.Size([1, 4096])",
        "Dropout output shape:\t torch.Size([1, 4096])",
        "Linear output shape:\t torch.Size([1, 10])",
    };
    EXPECT_EQ(d2l_table(shapes), book);
    // The five blocks hold 8 convolutions; the first Linear alone has 25088 x 4096 weights.
    const std::vector<size_t> top = shapes.top_level();
    ASSERT_EQ(top.size(), 13u);
    EXPECT_EQ(shapes.layers[top[6]].weights, int64_t{25088} * 4096);
    EXPECT_EQ(shapes.layers[top[0]].inner, 3u);  // Conv2d, ReLU, MaxPool2d
}

TEST(D2lTables, NiN) {
    const NetworkShapes shapes = shapes_of("nin");
    ASSERT_TRUE(shapes.ok());
    const std::vector<std::string> book = {
        "Sequential output shape:\t torch.Size([1, 96, 54, 54])",
        "MaxPool2d output shape:\t torch.Size([1, 96, 26, 26])",
        "Sequential output shape:\t torch.Size([1, 256, 26, 26])",
        "MaxPool2d output shape:\t torch.Size([1, 256, 12, 12])",
        "Sequential output shape:\t torch.Size([1, 384, 12, 12])",
        "MaxPool2d output shape:\t torch.Size([1, 384, 5, 5])",
        "Dropout output shape:\t torch.Size([1, 384, 5, 5])",
        "Sequential output shape:\t torch.Size([1, 10, 5, 5])",
        "AdaptiveAvgPool2d output shape:\t torch.Size([1, 10, 1, 1])",
        "Flatten output shape:\t torch.Size([1, 10])",
    };
    EXPECT_EQ(d2l_table(shapes), book);
}

}  // namespace
}  // namespace poolscope
