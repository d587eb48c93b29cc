# 读不进网站文件时的话：profile.yaml、story.md、页面（简体中文）。
# `.fix` 是写在问题下面的改法。参数写作 $like_this。

diagnostic-error = 错误：{ $diagnostic }
diagnostic-help = 改法：{ $hint }

file-unreadable = 无法读取这个文件：{ $why }
file-not-utf8 = 这个文件不是 UTF-8 编码的文本，看起来是{ $encoding ->
        [gbk] GBK/GB18030 编码（Windows 记事本和 WPS 保存中文时的默认编码）
        [utf8-broken] 有错误的 UTF-8 编码
        [utf16-broken] 有错误的 UTF-16 编码
       *[legacy] 某种旧编码
    }
    .fix = 另存为 UTF-8：在记事本或 WPS 中选“另存为 → 编码 UTF-8”；在终端可用 `iconv -f GB18030 -t UTF-8 old > new`
folder-unreadable = 无法读取这个文件夹

# 消息里的列举：`a`、`b`、`c`。
list-separator = 、
# 编辑熟悉的 YAML 字段名。
field-label = { $key ->
        [name] 姓名（name）
        [kind] 类型（kind）
        [leader] 团队负责人（leader）
        [members] 团队成员（members）
        [gender] 性别（gender）
        [birth] 出生年月（birth）
        [organization] 工作单位（organization）
        [title] 职称（title）
        [position] 职务（position）
        [field] 从事领域（field）
        [region] 地区（region）
        [category] 类别（category）
        [channel] 推荐渠道（channel）
        [recommender] 推荐单位（recommender）
        [identity] 身份（identity）
        [status] 评选状态（status）
        [honors] 荣誉（honors）
        [quote] 寄语（quote）
        [summary] 简要事迹（summary）
        [portrait] 二寸照（portrait）
        [photos] 照片（photos）
        [videos] 视频（videos）
        [caption] 图说（caption）
        [consent] 本人同意（consent）
        [file] 文件（file）
        [date] 日期（date）
        [role] 分工（role）
        [order] 排序（order）
       *[other] `{ $key }`
    }
# serde 发现问题的位置：`photos[0].file：`。
yaml-place = `{ $path }`：
# YAML 值的种类（serde 的原话在 $text 中）。
yaml-kind = { $kind ->
        [list] 列表（每行一个 `- 项`）
        [map] 键值对（`key: value`）
        [struct] 一行一个的 `key: value`
        [text] 文字
        [integer] 整数
        [number] 数字
        [boolean] 是或否（`true`/`false`）
        [empty] 空值
       *[other] `{ $text }`
    }

yaml-unclosed-quote = 这一行的引号开了没有关上
    .fix = 在值的末尾补上引号（「"…"」），或者去掉引号：YAML 的值不需要加引号
yaml-tab = 这一行用制表符（Tab）缩进，YAML 只允许用空格
    .fix = 把制表符换成空格（每级两个），与上下行一样
yaml-full-width-colon = `{ $key }：` 后面用的是全角冒号「：」
    .fix = 改成半角冒号加一个空格：`{ $fixed }`
yaml-missing-field = { $place }缺少{ $field }
    .fix = 在这里加一行 `{ $key }:`
yaml-duplicate-field = { $place }{ $field }写了两次
    .fix = 删去其中一行
yaml-wrong-type = { $place }这里应写{ $expected }，实际写的是{ $found }
    .fix = 按{ $expected }的格式改写这一项
yaml-wrong-type-list = { $place }这里应写{ $expected }，实际写的是{ $found }
    .fix = 写成列表：在这一项下面每行写一个 `- 项`
yaml-not-single = { $place }这里只能写一个值，不能写列表或键值对
    .fix = 把值写在冒号后面，同一行
yaml-not-singles = { $place }这里应是一列单个的值，其中有列表或键值对
    .fix = 每行写一个 `- 值`
yaml-not-a-date = { $place }“{ $text }”不是日期
    .fix = 写作 年-月-日，例如 `2022-04-18`
yaml-syntax = { $place }YAML 格式有误（`{ $detail }`）
    .fix = 对照上下行检查这一行的写法
yaml-syntax-layout = { $place }YAML 格式有误（`{ $detail }`）
    .fix = 检查缩进，并确认每个 `key: value` 的冒号后面有一个空格
yaml-unknown-field = { $place }没有 `{ $key }` 这一项（可写的项：{ $expected }）
    .fix = 检查拼写，或删去这一行
yaml-unknown-field-guess = { $place }没有 `{ $key }` 这一项（可写的项：{ $expected }）
    .fix = 是不是要写{ $guess }？
yaml-unknown-value = { $place }不能填“{ $value }”，只能填 { $expected } 之一
    .fix = 从 { $expected } 中选一个
yaml-unknown-value-guess = { $place }不能填“{ $value }”，只能填 { $expected } 之一
    .fix = 是不是要写 `{ $guess }`？

profile-missing = 人选文件夹里没有 profile.yaml
    .fix = 每个人选文件夹都要有一个；`laurel new 姓名` 会建好带 profile.yaml 的文件夹
story-missing = 人选文件夹里没有 story.md
    .fix = 在 profile.yaml 旁边的 story.md 中写主要事迹
name-missing = 没有填写{ $field }
    .fix = 加一行，例如 `name: 张三`
path-escapes = 路径“{ $path }”指到了人选文件夹之外
    .fix = 路径从人选文件夹写起，例如 photos/张三1.jpg
path-missing = 文件“{ $path }”不存在
    .fix = 检查文件名，或把文件放进人选文件夹
path-missing-near = 文件“{ $path }”不存在
    .fix = 是不是 `{ $near }`？文件夹里有这个文件，名字略有不同
file-kind = “{ $name }”不是可用的{ $kind ->
        [video] 视频
       *[image] 图片
    }文件
    .fix = 只能用这些格式：{ $allowed }
file-heic = “{ $name }”不是可用的{ $kind ->
        [video] 视频
       *[image] 图片
    }文件
    .fix = iPhone 的 HEIC 照片不能直接发布：先转成 JPEG（打开后导出，或把相机设为“兼容性最佳”）
consent-date = 本人同意的日期“{ $date }”不是日期
    .fix = 写作 年-月-日，例如 `consent: {"{"}date: 2022-04-18, file: 同意书.pdf{"}"}`
team-key-on-person = { $field }只用于团队推荐，这份是个人的材料
    .fix = 团队请加一行 `kind: team`，否则删去这一行
team-leader-missing = 团队推荐缺少团队负责人（leader）
    .fix = 加一行，例如 `leader: 陈晓燕`
birth-invalid = 出生年月（birth）“{ $birth }”不是年和月
    .fix = 写作 年-月，例如 `birth: 1986-05`
province-pick-unselected = 人选未入选，却写了 `province_pick: true`
    .fix = 只有入选的人选（`status: selected`）才能推荐到省里：先确定入选，或删去 province_pick
category-unknown = 类别（category）“{ $category }”不是本次活动的类别
    .fix = 只能填：{ $allowed }（在 site.yaml 中设置）
slug-invalid = 网址名（slug）“{ $slug }”不能用在网址里
    .fix = 只用小写字母、数字和单个连字符，例如 `li-ming-yuan`
slug-taken = 网址名（slug）“{ $slug }”已被 { $other } 使用
    .fix = 给其中一位另写一个 `slug:`
focus-outside = `{ $file }` 的焦点 { $focus } 超出了 0–1
    .fix = 焦点从左上角量起写作 [x, y]，例如 `focus: [0.5, 0.3]`
page-url-taken = 页面网址 /{ $slug }/ 已被占用
    .fix = 在页面开头的设置中另写一个 `slug:`
page-slug-invalid = 页面网址名（slug）“{ $slug }”不能用在网址里
    .fix = 只用小写字母、数字和单个连字符
