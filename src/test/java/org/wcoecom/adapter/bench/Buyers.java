package org.wcoecom.adapter.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** Fictitious buyers and consignees: Chinese names, mobile numbers, resident ID numbers, addresses. */
final class Buyers {

    record Person(String name, String telephone) {
    }

    /** Where an order is delivered: the address line and its administrative division code. */
    record Address(String line, String district) {
    }

    private record District(String name, String code) {
    }

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
            "邓", "曹", "欧阳", "司马");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
            "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "佳",
            "欣", "怡", "子", "涵", "宇", "轩", "晨", "浩", "雪", "琳", "婷", "思", "梓", "睿", "嘉", "博", "雨", "泽");
    private static final List<String> MOBILE = List.of("133", "135", "136", "137", "138", "139", "150", "151", "152",
            "155", "158", "159", "166", "177", "180", "181", "186", "187", "188", "189", "198", "199");
    // real division codes, so an ID number's first six digits and consigneeDistrict look right
    private static final List<District> DISTRICTS = List.of(
            new District("上海市浦东新区", "310115"), new District("上海市徐汇区", "310104"),
            new District("北京市朝阳区", "110105"), new District("北京市海淀区", "110108"),
            new District("广东省深圳市南山区", "440305"), new District("广东省广州市天河区", "440106"),
            new District("浙江省杭州市西湖区", "330106"), new District("江苏省南京市鼓楼区", "320106"),
            new District("四川省成都市武侯区", "510107"), new District("湖北省武汉市洪山区", "420111"),
            new District("陕西省西安市雁塔区", "610113"), new District("山东省青岛市市南区", "370202"),
            new District("福建省厦门市思明区", "350203"), new District("天津市南开区", "120104"),
            new District("重庆市渝中区", "500103"), new District("湖南省长沙市岳麓区", "430104"));
    private static final List<String> ROADS = List.of("人民路", "中山路", "解放路", "建设路", "科技园南路", "世纪大道",
            "长江路", "文三路", "学院路", "和平路", "滨江大道", "新华路", "青年路", "东风路", "江南大道", "黄河路");
    private static final List<String> COMPOUNDS = List.of("阳光花园", "金色家园", "翠湖苑", "锦绣华庭", "滨江花城",
            "御景湾", "书香门第", "春江丽景", "紫荆公寓", "国际大厦", "时代广场", "云顶雅苑");
    private static final char[] ID_CHECK = "10X98765432".toCharArray();
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Buyers() {
    }

    static Person person(SplittableRandom rng) {
        String name = Goods.pick(rng, SURNAMES) + Goods.pick(rng, GIVEN) + (rng.nextInt(4) == 0 ? "" : Goods.pick(rng, GIVEN));
        StringBuilder phone = new StringBuilder(11).append(Goods.pick(rng, MOBILE));
        Markup.digits(phone, rng, 8);
        return new Person(name, phone.toString());
    }

    static Address address(SplittableRandom rng) {
        District d = Goods.pick(rng, DISTRICTS);
        String line = d.name() + Goods.pick(rng, ROADS) + (1 + rng.nextInt(999)) + "号" + Goods.pick(rng, COMPOUNDS)
                + (1 + rng.nextInt(30)) + "栋" + (1 + rng.nextInt(4)) + "单元" + (1 + rng.nextInt(32)) + "0" + (1 + rng.nextInt(6)) + "室";
        return new Address(line, d.code());
    }

    /**
     * An 18-character resident ID number of the national standard's form: division code, birth
     * date (an adult), sequence, and its mod 11-2 check character.
     */
    static String idNumber(SplittableRandom rng, String district) {
        LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(rng.nextInt(38 * 365));
        StringBuilder id = new StringBuilder(18).append(district).append(birth.getYear());
        id.append(birth.getMonthValue() < 10 ? "0" : "").append(birth.getMonthValue());
        id.append(birth.getDayOfMonth() < 10 ? "0" : "").append(birth.getDayOfMonth());
        Markup.digits(id, rng, 3);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return id.append(ID_CHECK[sum % 11]).toString();
    }
}
