//! `laurel init` and `laurel new` make sites that build.

use crate::support::*;

#[test]
fn init_then_new_then_build() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("my-campaign");
    let site_arg = site.to_str().unwrap();
    assert!(laurel(&["init", site_arg]).status.success());
    assert!(site.join("site.yaml").is_file());
    assert!(site
        .join("content/laureates/李明远/photos/李明远1.jpg")
        .is_file());
    let output = laurel(&["new", "欧阳明", "--root", site_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let profile =
        std::fs::read_to_string(site.join("content/laureates/欧阳明/profile.yaml")).unwrap();
    assert!(profile.contains("name: 欧阳明"));
    let output = laurel(&["build", "--root", site_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site
        .join("public/laureates/ou-yang-ming/index.html")
        .is_file());
    assert!(site
        .join("public/laureates/li-ming-yuan/index.html")
        .is_file());
}

#[test]
fn init_refuses_an_existing_site_and_new_an_existing_laureate() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("甲", "", "故事", 0);
    let root = site.root().to_str().unwrap();
    assert_eq!(laurel(&["init", root]).status.code(), Some(1));
    let output = laurel(&["new", "甲", "--root", root]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("already exists"));
}
