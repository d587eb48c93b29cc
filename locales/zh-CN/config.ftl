# 关于 site.yaml 和各年 campaign.yaml 的话（简体中文）。

criteria-empty = 评审标准 campaign.review.criteria 是空的
    .fix = 至少列一项标准，例如 `- {"{"}name: 业绩突出, weight: 0.4, max: 100{"}"}`
criterion-weight = 评审标准“{ $name }”的权重 { $weight } 不大于 0
    .fix = 每项标准的权重都要大于 0，例如 `weight: 0.4`
criterion-max = 评审标准“{ $name }”的满分 { $max } 不大于 0
    .fix = 例如 `max: 100`
criterion-name = 评审标准“{ $name }”没有名称或重名
    .fix = 每项标准各起一个名称：它是评分表的列标题
judges-unnamed = 评委 campaign.review.judges { $judges }：每位评委都要有自己的名字
    .fix = 写人数（`judges: 5`），或写各不相同的名字，名字里不要有 / \ : * ? " < > |
trimmed-mean-judges = 去掉最高分和最低分（`trimmed_mean`）至少要 3 位评委，现在只有 { $count } 位
    .fix = 增加评委，或改用 `method: mean`
campaign-year-differs = 年份 { $written } 与所在文件夹的年份 { $folder } 不一致
    .fix = 每年的 campaign.yaml 放在以该年命名的文件夹里：改正年份，或移动文件
base-url-invalid = 网站地址 base_url“{ $url }”不是完整的网址
    .fix = 写成 https://example.org/path/ 这样，或者留空
wechat-app-id = 公众号 wechat.app_id“{ $id }”不是公众号的 AppID
    .fix = 从公众号后台的“设置与开发”中复制 AppID（以 wx 开头）
wechat-signature-url = 公众号签名地址 wechat.signature_url“{ $url }”不是 https:// 网址
    .fix = 微信 JS-SDK 要求签名接口用 HTTPS，例如 https://example.org/wx/sign
image-widths = 图片宽度 { $widths } 和缩略图宽度 { $thumbnail } 须在 16–8192 之间
    .fix = 例如 `widths: [480, 960, 1600]`
webp-effort = webp_effort { $effort } 超出了 0–6
    .fix = 4 是 libwebp 的默认值；2 的压缩速度约快一倍
image-quality = { $key } { $quality } 超出了 1–100
    .fix = 80 是合适的默认值
footer-form = 页脚 footer.{ $key }“{ $value }”不符合登记的格式
    .fix = { $key ->
        [icp] 按工信部备案系统上的写法填写，例如 冀ICP备12345678号-1
        [police] 按备案证书上的写法填写，例如 冀公网安备13110202000123号（14 位数字）
       *[site_code] 网站标识码是 10 位数字，例如 1311000001
    }
publicity-missing = 没有设置 campaign.publicity.{ $key }：公示页缺少{ $key ->
        [start] 公示开始日期
        [end] 公示结束日期
        [phone] 受理异议的电话
        [email] 受理异议的电子邮箱
       *[address] 受理书面异议的通信地址
    }
    .fix = 在 site.yaml 的 campaign.publicity 下填写（见 README「公示」）
