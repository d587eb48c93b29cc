# laurel check：每条规则说什么、怎么改（简体中文）。
# 每条消息的 `.fix` 属性是修改办法。参数写作 $like_this。

field-missing = 缺少{ $key ->
        [gender] 性别
        [organization] 工作单位
        [field] 从事领域
        [category] 类别
       *[recommender] 推荐单位
    }（{ $key }）
    .fix = 在 profile.yaml 中填写 `{ $key }:`
gender-invalid = 性别（gender）填的是“{ $gender }”，只能是“男”或“女”
    .fix = 写作 `gender: 男` 或 `gender: 女`
birth-missing = 缺少出生年月（birth）
    .fix = 填写出生年月，例如 `birth: 1986-05`
channel-missing = 缺少推荐渠道（channel）
    .fix = 填写 `channel: county`（县市区）、`society`（学会）或 `university`（高校院所）
summary-missing = 缺少简要事迹（summary）
    .fix = 补写一段简要事迹
summary-too-long = 简要事迹共 { $chars } 字，通知要求不超过 { $max } 字
    .fix = 删减 { $over } 字
consent-missing = 没有本人同意公开的记录
    .fix = 《个人信息保护法》第二十五条要求取得本人单独同意：记为 `consent: {"{"}date: 2022-04-18, file: 同意书.pdf{"}"}`（同意书不公开）
story-empty = 主要事迹是空的
    .fix = 在 story.md 中写主要事迹
identity-excluded = 身份“{ $identity }”（{ $word }）不在推荐范围内
    .fix = 通知规定：现役军人、公务员和县处级及以上领导干部不参加推荐
prior-honor = 荣誉“{ $honor }”含“{ $word }”，像是省部级及以上荣誉或“最美”称号
    .fix = 已获此类荣誉的原则上不再推荐，请与主办方确认
portrait-missing = 缺少二寸照
    .fix = 把二寸正面免冠彩色照片放在 photos/{ $name }0.jpg
portrait-missing-team = 缺少团队合影
    .fix = 把团队合影放在 photos/{ $name }0.jpg
portrait-misnamed = 缺少二寸照
    .fix = “{ $from }”是二寸照的比例：改名为 { $to }（`laurel check --fix-names` 一次改好所有照片）
portrait-shape = 二寸照为 { $width }×{ $height }，不是二寸照的 35:45
    .fix = 以面部为中心裁成 35:45（如 700×900）
portrait-too-small = 二寸照只有 { $width } 像素宽
    .fix = 请提供至少 { $min } 像素宽的扫描件或照片
photo-count-low = 生活或工作照片 { $count } 张，通知要求 { $min }–{ $max } 张
    .fix = 补充本人工作或生活中的照片
photo-count-high = 生活或工作照片 { $count } 张，通知要求 { $min }–{ $max } 张
    .fix = 选出最好的几张，其余移出
photo-format = 照片是 .{ $ext } 格式，通知要求 JPG
    .fix = 把照片导出为 JPG
photo-size = 照片只有 { $kb } KB，通知要求不小于 { $min } KB
    .fix = 请发相机或手机里的原图，不要用聊天软件转发的图
photo-name-portrait = “{ $from }”是二寸照的比例，通知要求二寸照命名为“姓名0”
    .fix = 改名为 { $to }（`laurel check --fix-names` 一次改好这个文件夹的所有照片，并更新 profile.yaml）
photo-name = 文件名是“{ $from }”，通知要求“姓名+序号”：{ $to }
    .fix = 改名为 { $to }（`laurel check --fix-names` 一次改好这个文件夹的所有照片，并更新 profile.yaml）
photo-caption = 照片没有图说，替代文字只能用笼统的描述
    .fix = 在 profile.yaml 的 `photos:` 下给这张照片写 `caption:`
video-captions = 视频没有字幕，听不到声音（或关了声音）的观众无从知道说了什么
    .fix = 在视频旁放一个同名的 .vtt 或 .srt 字幕文件（如 videos/田间.mp4 配 videos/田间.srt）
video-format = 不是可读的 MP4/MOV 视频：{ $why }
    .fix = 用手机或剪辑软件重新导出为 MP4（H.264）
video-duration = 视频长 { $seconds } 秒，通知要求不超过 { $max } 秒
    .fix = 剪短视频
video-resolution = 视频画面为 { $size }，通知要求 { $allowed }
    .fix = 按其中一种尺寸重新导出
placeholder-story = 主要事迹中还有模板文字：「{ $text }」
    .fix = 换成真实内容（或删去这一行），以免发布出去
placeholder-field = { $field ->
        [name] 姓名
        [organization] 工作单位
        [title] 职称
        [position] 职务
        [field] 专业领域
        [region] 所在县市区
        [recommender] 推荐单位
        [summary] 简要事迹
        [quote] 寄语
        [category] 类别
       *[other] 字段
    }（{ $field }）中还有模板文字：「{ $text }」
    .fix = 换成真实内容（或删去这一行），以免发布出去
broken-link = 链接“{ $address }”指向的页面在网站中不存在
    .fix = 链接到网站中的页面：其他人选写 /laureates/<网址名或文件夹名>/ 或 ../<文件夹名>/，H5 卡片写 /cards/<网址名>/，或 /gallery/、/kit/、/publicity/，其他页面写 /<网址名>/ 或 @/pages/<文件名>.md；多个年度的网站，某一年的页面以年份开头：/2022/laureates/<网址名或文件夹名>/ 或 @/2022/laureates/<文件夹>/story.md
html-removed = { $what } 将从页面中删去
    .fix = 用普通 Markdown 写事迹：推荐单位的稿件不能带脚本、样式或其他网站的播放器
broken-image = 事迹中的图片“{ $address }”不会发布
    .fix = 改在 profile.yaml 的 `photos:` 下列出这张照片，它会连同图说一起显示
shared-photo-other = 这张照片 { $name } 也在用
    .fix = 每位人选都要用自己的照片
shared-photo-twice = 这张照片和 { $file } 是同一张
    .fix = 删去其中一份
base-url-missing = 没有填写网站地址（base_url）：网站地图、订阅、分享链接和二维码都需要网站发布后的地址
    .fix = 在 site.yaml 中填写，例如 `base_url: https://www.example.gov.cn/zuimei/`
campaign-partial = 有 { $unloaded } 个人选文件夹未能读取：名额、青年占比等全局规则只统计了能读取的 { $total } 位
    .fix = 先改正上面的读取错误，再检查一次全局数字
laureate-quota = 已入选 { $selected } 位，本次评选名额为 { $places } 位
    .fix = 把未入选的人选标为 `status: not_selected`（未入选）：文件夹留作存档，永远不会发布
province-picks = 有 { $picks } 位标了推荐省级（province_pick），本次应推荐 { $wanted } 位
    .fix = 评选结果确定后，给相应人数标上 `province_pick: true`
channel-quota = { $unit }推荐了 { $count } 位（{ $names }），{ $channel }最多推荐 { $quota } 位
    .fix = 撤回多出的推荐，或改正推荐单位（recommender）
young-share = { $counted } 位推荐人选中 { $age } 周岁以下的有 { $young } 位，通知要求不少于 { $percent }%
    .fix = 多推荐青年科技工作者{ $teams ->
        [leader] （团队计一次，负责人为青年即算青年：见 site.yaml 的 `campaign.rules.young_team`）
        [majority] （团队计一次，多数成员为青年即算青年：见 site.yaml 的 `campaign.rules.young_team`）
        [exclude] （团队不计入：见 site.yaml 的 `campaign.rules.young_team`）
       *[none] {""}
    }

# 公开的文字里有隐私信息（private-data）。
private-in-public = { $place ->
        [story] 事迹
        [introduction] 首页介绍
        [page] 这个页面
       *[field] { $field }
    }里有{ $kind ->
        [private] { $owner }的 private 字段 `{ $key }`（{ $masked }）
        [mobile] 手机号（{ $masked }）
        [email] 电子邮箱（{ $masked }）
       *[id-number] 身份证号（{ $masked }）
    }，会被公开
    .fix = 从公开的文字中删掉：联系方式应写在 profile.yaml 的 `private:` 下，只有 `laurel export` 会读；如果是本来就要公开的办公电话或地址，请在 site.yaml 的 `public_contacts:` 中列出
