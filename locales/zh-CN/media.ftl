# 处理照片、视频、字幕、海报和写出网站时的话（简体中文）。`.fix` 是改法。

image-unreadable = 无法读取这张图片：{ $why }
image-undecodable = 无法解码这张图片：{ $why }
    .fix = 文件已损坏或不完整：请从原图重新复制，或打开后另存为 JPEG
image-unwritable = 无法写出处理后的图片：{ $why }
    .fix = 请确认磁盘没有满，.laurel-cache/ 文件夹可以写入
image-empty = 文件是空的（0 字节）
    .fix = 请重新导出，或向推荐单位索取原图
image-cut-short = 图片不完整：画面还没结束文件就断了，像是传输中断
    .fix = 请从原图重新复制，或向推荐单位索取原图
image-jpeg-named = 文件是 JPEG 图片，但文件名以 .{ $ext } 结尾
    .fix = 把文件名改为以 .jpg 结尾，并相应修改 profile.yaml 中的路径
image-png-named = 文件是 PNG 图片，但文件名以 .{ $ext } 结尾
    .fix = 用同一个文件名把它转换为 JPEG（通知要求 JPEG），profile.yaml 中的路径就不用改
image-heic = 文件是 HEIC/HEIF 图片，虽然文件名以 .{ $ext } 结尾
    .fix = 转换为 JPEG（打开后导出即可），或把 iPhone 相机的格式设为“兼容性最佳”
image-unknown = 文件不是 JPEG 或 PNG 图片（可能已损坏、是空文件或其他格式）
    .fix = 从原图导出为 JPEG，或换一张
image-resize-failed = 缩放失败：{ $why }
image-encode-failed = { $format } 编码失败：{ $why }
image-no-header = 没有图片头
image-size-mismatch = 解码出的尺寸与图片头不符
image-role-missing = 这张图片没有做出{ $role ->
        [photo] 照片
        [thumbnail] 缩略图
        [portrait] 头像
        [square] 方形分享图
        [cover] 2.35:1 封面
        [poster] 3:4 分享海报
       *[video-poster] 视频封面
    }
    .fix = laurel 做的图片和页面要用的图片对不上：请报告这个问题

video-unreadable = 无法读取视频：{ $why }
video-no-moov = 没有 moov 盒：不是 MP4/MOV 文件，或是没有录完的视频
video-no-mvhd = 没有影片头（mvhd）
video-bad-mvhd = 影片头无法读取
video-track-no-header = 视频轨没有轨道头
video-bad-tkhd = 轨道头无法读取
video-no-track = 文件里没有视频轨
video-not-remuxed = 无法转为边下边播的格式（{ $why }）
video-no-poster-frame = 没有做出封面帧（{ $why }）
video-published-as-is = { $file }：{ $failures }；已按原样发布
ffmpeg-missing = 没有安装 ffmpeg
ffmpeg-cannot-run = 无法运行 ffmpeg：{ $why }
ffmpeg-failed = ffmpeg 运行失败
captions-not-webvtt = 不是 WebVTT 字幕文件（必须以 WEBVTT 开头）
    .fix = 从剪辑软件把字幕导出为 .vtt 或 .srt
captions-unstorable = 无法保存字幕：{ $why }

poster-empty = 海报生成出来是空的
poster-layout-failed = { $template } 版式出错：{ $why }
poster-template-failed = { $template } 版式在生成{ $name }的海报时出错：{ $why }
    .fix = 修改海报模板（带 Tera 标记的 SVG）；内置模板在 laurel 的默认主题里
poster-cache-unwritable = 无法写入缓存：{ $why }
poster-not-number = 模板中的 `{ $key }` 必须是数字
poster-not-text = 模板中的 `{ $key }` 必须是文字
poster-bad-svg = 不是有效的 SVG：{ $why }
poster-no-size = SVG 没有尺寸（{ $width }x{ $height }）
fonts-unreadable = fonts：无法读取 `{ $name }`：{ $why }
    .fix = 填写 OTF、TTF 或 TTC 字体文件的路径，相对于 site.yaml 所在的文件夹
fonts-no-chinese = fonts：{ $names } 都没有中文字
    .fix = 填写一种中文字体，例如思源黑体（Noto Sans CJK SC 或 Source Han Sans SC）

output-holds-site = 不能生成到这个文件夹：里面有网站自己的文件，会被替换掉
    .fix = 选一个单独的输出文件夹，例如 public/
output-unwritable = 无法写出网站：{ $why }
    .fix = 请检查磁盘空间和权限；上一次生成的网站保持原样
output-cannot-move = 无法把 { $from } 移到 { $to }
output-cannot-remove = 无法删除 { $path }
output-held-open = { $what }：{ $why }；可能有别的程序（浏览器、资源管理器、杀毒软件）打开着它：关掉后再试
output-failed = { $what }：{ $why }
