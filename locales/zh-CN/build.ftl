# 生成网站时的提醒（简体中文）。

build-base-url-missing = site.yaml 中没有填写网站地址（base_url）：网站地图不列页面，分享标签和订阅没有完整链接，H5 卡片和媒体素材包没有二维码；请把 base_url 填为网站发布后的地址
build-placeholder = { $place }：{ $field ->
        [story] 主要事迹
        [name] 姓名
        [organization] 工作单位
        [title] 职称
        [position] 职务
        [field] 专业领域
        [region] 所在县市区
        [recommender] 推荐单位
        [summary] 简要事迹
        [quote] 寄语
       *[other] { $field }
    }中还有模板文字「{ $text }」，会原样发布出去
