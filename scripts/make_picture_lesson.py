#!/usr/bin/python3
# Run: /usr/bin/python3 scripts/make_picture_lesson.py (needs python3-torch 1.13, python3-pil). The matrices are
# real crops of the sample picture; the expected outputs come from torch.nn.MaxPool2d/AvgPool2d, not from PoolScope.
# Builds lessons/pooling_a_picture.json from assets/images/landscape.png; expected outputs from PyTorch 1.13.
# setup: needs torch (python3-torch, POOLSCOPE_WITH_TORCH=1 in scripts/setup-deps.sh); a generator no test runs.
import json
import pathlib

import numpy as np
import torch
from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parent.parent
img = np.asarray(Image.open(ROOT / 'assets' / 'images' / 'landscape.png').convert('RGB')).astype(np.float32)
top, left = 154, 64
red = img[top:top+6, left:left+6, 0]
rgb = img[top:top+4, left:left+4, :].transpose(2, 0, 1)
def out(x, op, k, s, p=0):
    t = torch.tensor(x)[None] if x.ndim == 3 else torch.tensor(x)[None, None]
    f = torch.nn.MaxPool2d(k, stride=s, padding=p) if op == 'max_pool2d' else torch.nn.AvgPool2d(k, stride=s, padding=p)
    y = f(t)[0]
    y = y[0] if x.ndim == 2 else y
    return [[float(v) if v != int(v) else int(v) for v in row] for row in y.tolist()] if x.ndim == 2 else \
        [[[float(v) if v != int(v) else int(v) for v in row] for row in ch] for ch in y.tolist()]
def mat(x):
    return [[int(v) for v in row] for row in x.tolist()]
steps = []
def step(title, narration, x, op, k, s, code, p=0, view="red", extra=None):
    st = {"title": title, "narration": narration,
          "picture": {"file": "landscape.png", "view": view, "crop": [top, left, x.shape[-2], x.shape[-1]]},
          "input": mat(x) if x.ndim == 2 else [mat(c) for c in x],
          "op": op, "kernel_size": k, "stride": s}
    if p: st["padding"] = p
    st["code"] = code
    st["expected"] = {"output": out(x, op, k, s, p)}
    steps.append(st)
step({"en": "A picture is a matrix", "zh": "图片就是矩阵"},
     {"en": "Open *File → Sample pictures → landscape.png*. The Image view shows the picture on the left and its pooled version on the right, with the parameters you set here.\n\nThe matrix below is a real 6×6 corner of that picture: the *red channel* of the house's window, rows 154 to 159 and columns 64 to 69. The bright values (250) are the window pane; the dark 40s are the 1-pixel window bars.\n\n`nn.MaxPool2d(2, stride=2)` takes the largest value of every 2×2 block: the bars disappear, because every block also contains a bright pane pixel. In the Image view the window bars vanish the same way.",
      "zh": "打开*文件 → 示例图片 → landscape.png*。图像视图左边是原图，右边是用这里设置的参数池化后的结果。\n\n下面的矩阵是这张图片里真实的一个 6×6 角落：房子窗户的*红色通道*，第 154 到 159 行、第 64 到 69 列。亮的值（250）是窗玻璃，暗的 40 是只有 1 个像素宽的窗框。\n\n`nn.MaxPool2d(2, stride=2)` 取每个 2×2 块中的最大值：窗框消失了，因为每个块里都还有一个明亮的玻璃像素。在图像视图里，窗框也同样消失了。"},
     red, "max_pool2d", 2, 2, "X = red[154:160, 64:70].reshape(1, 1, 6, 6)\nnn.MaxPool2d(2, stride=2)(X)")
step({"en": "2×2 average pooling", "zh": "2×2 平均池化"},
     {"en": "`nn.AvgPool2d(2, stride=2)` averages each 2×2 block instead. A block with one column of bar pixels gives (2·250 + 2·40) / 4 = 145, and the block where the two bars cross gives (250 + 3·40) / 4 = 92.5: the bars are not gone, they are *smeared* into their neighbours. That is why average pooling makes the picture blurrier, while max pooling keeps it sharp but thickens bright details.\n\nTick *Max and avg* in the Image view to see both results side by side.",
      "zh": "`nn.AvgPool2d(2, stride=2)` 则对每个 2×2 块求平均。一个块里有一列窗框像素时，结果是 (2·250 + 2·40) / 4 = 145；两条窗框交叉的那个块是 (250 + 3·40) / 4 = 92.5：窗框并没有消失，而是被*抹*到了相邻像素里。这就是平均池化让图片变模糊的原因；最大池化让图片保持清晰，但会让明亮的细节变粗。\n\n在图像视图中勾选*最大与平均*，可以把两种结果并排比较。"},
     red, "avg_pool2d", 2, 2, "nn.AvgPool2d(2, stride=2)(X)")
step({"en": "3×3 windows, stride 2", "zh": "3×3 窗口，步幅 2"},
     {"en": "With a 3×3 window and stride 2 the windows *overlap* by one row and one column, so some pixels are read by two or four windows. The output is still about half the size in each direction (here 2×2), because the stride, not the window, decides how far apart the outputs are.\n\nIn the Image view, the 3×3 max result looks bolder than the 2×2 one: each output sees more pixels, so a bright pixel wins more often.",
      "zh": "窗口为 3×3、步幅为 2 时，相邻窗口*重叠*一行一列，所以有些像素会被两个或四个窗口读取。输出在每个方向上仍然大约缩小一半（这里是 2×2），因为决定输出间隔的是步幅，而不是窗口大小。\n\n在图像视图中，3×3 最大池化的结果比 2×2 的更“粗”：每个输出看到的像素更多，明亮的像素更容易胜出。"},
     red, "max_pool2d", 3, 2, "nn.MaxPool2d(3, stride=2)(X)")
step({"en": "3×3 average, stride 2", "zh": "3×3 平均池化，步幅 2"},
     {"en": "The same windows averaged: each output is the sum of 9 pixels divided by 9. A bigger window blurs more, since every output mixes more of the picture.",
      "zh": "同样的窗口，这次求平均：每个输出都是 9 个像素之和除以 9。窗口越大越模糊，因为每个输出混合了图片中更多的像素。"},
     red, "avg_pool2d", 3, 2, "nn.AvgPool2d(3, stride=2)(X)")
step({"en": "Three channels in, three channels out", "zh": "输入三个通道，输出三个通道"},
     {"en": "A colour picture has three channels: red, green and blue. This 3×4×4 input is the top-left 4×4 of the same corner, all three channels.\n\nPooling works on each channel *separately*, with the same windows, so 3 channels in gives 3 channels out; only the height and width shrink. It does not mix colours: the max of the red channel and the max of the blue channel may come from different pixels.\n\nIn the Image view, switch between *RGB*, *Red channel* and *Grayscale*: the output always has as many channels as the input.",
      "zh": "彩色图片有三个通道：红、绿、蓝。这个 3×4×4 的输入是同一个角落左上方的 4×4 区域，包含全部三个通道。\n\n池化对每个通道*分别*进行，使用相同的窗口，所以输入 3 个通道，输出也是 3 个通道；只有高和宽变小。池化不会混合颜色：红色通道的最大值和蓝色通道的最大值可能来自不同的像素。\n\n在图像视图中切换 *RGB*、*红色通道* 和 *灰度*：输出的通道数总是和输入相同。"},
     rgb, "max_pool2d", 2, 2, "X = picture[:, 154:158, 64:68].reshape(1, 3, 4, 4)\nnn.MaxPool2d(2, stride=2)(X)", view="rgb")
lesson = {"format": "poolscope-lesson/1",
          "title": {"en": "Pooling a picture", "zh": "对图片做池化"},
          "description": {"en": "D2L 6.5 on a real picture: the pooled output is smaller, and average pooling blurs it. 2×2 and 3×3 max vs avg with stride 2, and what the channel count does. Open landscape.png in the Image view alongside.",
                          "zh": "在真实图片上理解《动手学深度学习》6.5 节：池化后的输出更小，平均池化还会让它变模糊。比较步幅为 2 的 2×2 和 3×3 最大池化与平均池化，并看看通道数的作用。请同时在图像视图中打开 landscape.png。"},
          "steps": steps}
open(ROOT / 'lessons' / 'pooling_a_picture.json', 'w').write(json.dumps(lesson, ensure_ascii=False, indent=2) + "\n")
