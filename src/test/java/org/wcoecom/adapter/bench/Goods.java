package org.wcoecom.adapter.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What the generated orders sell. Only the items of the bundled catalogue
 * (mappings/catalogue/example-items.csv): the adapter knows their commodity codes, which are all on
 * the positive list and none prohibited, so an order can go all the way to a declaration and never
 * trips screening. Variety comes from how platforms title and describe them, and from prices.
 */
final class Goods {

    /**
     * One catalogue item as the platform sells it. {@code taxBasisPoints} is the cross-border
     * retail rate of its commodity code (mappings/tax/rates.csv): (VAT + consumption) / (1 -
     * consumption) x 70 %, in 1/10,000.
     */
    record Product(String itemNo, String name, String model, String barCode, String unit, String country,
                   long priceCents, int taxBasisPoints, List<String> features) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("SKU-MILK-900G-3", "婴幼儿配方奶粉3段", "900克/罐，牛乳基，适用1-3岁，品牌：阿尔卑斯牧场",
                    "4006040012344", "122", "304", 29_800, 910, List.of(
                    "德国原装进口，阿尔卑斯山区牧场奶源", "含DHA与益生元，营养配比均衡", "适合12至36个月幼儿",
                    "开罐后请于四周内食用完毕", "冲调水温以40至50℃为宜")),
            new Product("SKU-CREAM-50ML", "保湿面霜", "50毫升/瓶，含透明质酸，品牌：樱花肌",
                    "4901234567894", "142", "116", 45_000, 2306, List.of(
                    "日本原装进口，质地轻盈滋润不油腻", "深层补水，改善干燥粗糙肌肤", "适合各种肤质，敏感肌亦可使用",
                    "早晚洁面后取适量均匀涂抹", "无香精无酒精温和配方")),
            new Product("SKU-VITC-120", "维生素C咀嚼片", "120片/瓶，每片500毫克，品牌：南十字星",
                    "9312345001200", "142", "601", 18_900, 910, List.of(
                    "澳大利亚原装进口，天然橙子风味", "每日一片，补充日常所需维生素C", "成人及十二岁以上儿童适用",
                    "咀嚼食用，无需用水送服", "请置于阴凉干燥处密封保存")),
            new Product("SKU-HONEY-250", "麦卢卡蜂蜜", "250克/罐，UMF10+，品牌：银蕨",
                    "9421000250010", "122", "609", 20_000, 630, List.of(
                    "新西兰原装进口，UMF独立认证", "天然成熟蜂蜜，口感醇厚绵密", "温水冲调饮用，水温不宜超过40℃",
                    "一岁以下婴儿不宜食用", "开盖后请冷藏并尽快食用")));

    private static final List<String> TAGS = List.of("", "【保税直发】", "【海外直邮】", "【官方旗舰店】", "【限时特惠】", "【会员专享】");
    private static final List<String> SUFFIXES = List.of("", " 原装进口", " 正品保证", " 单件装", " 跨境直购");
    private static final List<String> SERVICE = List.of("海关监管跨境直购，正品保障", "品质保证 & 正品溯源",
            "下单后48小时内发货", "保税仓发货，物流全程可追溯", "包装以实物为准，批次随机发货", "支持电子发票，个人自用不得转售");
    private static final List<String> PRICE_NOTES = List.of("限时折扣", "会员专享价", "满减活动价", "直播间专享价");

    private Goods() {
    }

    /** The title the platform shows: the catalogue name with its shop's tags. */
    static String itemName(SplittableRandom rng, Product p) {
        return pick(rng, TAGS) + p.name() + pick(rng, SUFFIXES);
    }

    /** One of the item's features and a service promise, as a product page's summary. */
    static String describe(SplittableRandom rng, Product p) {
        return pick(rng, p.features()) + "；" + pick(rng, SERVICE) + "。";
    }

    static String priceNote(SplittableRandom rng) {
        return pick(rng, PRICE_NOTES);
    }

    static <T> T pick(SplittableRandom rng, List<T> values) {
        return values.get(rng.nextInt(values.size()));
    }
}
