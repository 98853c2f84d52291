package org.hikeshi.incident;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The 47 prefectures of Japan, where the client's site is. JSON and forms use the English name ("Tokyo");
 * the Japanese name ("東京都") is accepted too.
 */
public enum Prefecture {

	HOKKAIDO("Hokkaido", "北海道"),
	AOMORI("Aomori", "青森県"),
	IWATE("Iwate", "岩手県"),
	MIYAGI("Miyagi", "宮城県"),
	AKITA("Akita", "秋田県"),
	YAMAGATA("Yamagata", "山形県"),
	FUKUSHIMA("Fukushima", "福島県"),
	IBARAKI("Ibaraki", "茨城県"),
	TOCHIGI("Tochigi", "栃木県"),
	GUNMA("Gunma", "群馬県"),
	SAITAMA("Saitama", "埼玉県"),
	CHIBA("Chiba", "千葉県"),
	TOKYO("Tokyo", "東京都"),
	KANAGAWA("Kanagawa", "神奈川県"),
	NIIGATA("Niigata", "新潟県"),
	TOYAMA("Toyama", "富山県"),
	ISHIKAWA("Ishikawa", "石川県"),
	FUKUI("Fukui", "福井県"),
	YAMANASHI("Yamanashi", "山梨県"),
	NAGANO("Nagano", "長野県"),
	GIFU("Gifu", "岐阜県"),
	SHIZUOKA("Shizuoka", "静岡県"),
	AICHI("Aichi", "愛知県"),
	MIE("Mie", "三重県"),
	SHIGA("Shiga", "滋賀県"),
	KYOTO("Kyoto", "京都府"),
	OSAKA("Osaka", "大阪府"),
	HYOGO("Hyogo", "兵庫県"),
	NARA("Nara", "奈良県"),
	WAKAYAMA("Wakayama", "和歌山県"),
	TOTTORI("Tottori", "鳥取県"),
	SHIMANE("Shimane", "島根県"),
	OKAYAMA("Okayama", "岡山県"),
	HIROSHIMA("Hiroshima", "広島県"),
	YAMAGUCHI("Yamaguchi", "山口県"),
	TOKUSHIMA("Tokushima", "徳島県"),
	KAGAWA("Kagawa", "香川県"),
	EHIME("Ehime", "愛媛県"),
	KOCHI("Kochi", "高知県"),
	FUKUOKA("Fukuoka", "福岡県"),
	SAGA("Saga", "佐賀県"),
	NAGASAKI("Nagasaki", "長崎県"),
	KUMAMOTO("Kumamoto", "熊本県"),
	OITA("Oita", "大分県"),
	MIYAZAKI("Miyazaki", "宮崎県"),
	KAGOSHIMA("Kagoshima", "鹿児島県"),
	OKINAWA("Okinawa", "沖縄県");

	/** The area the provider serves without charging travel costs (seed FAQ: 東京・神奈川・千葉・埼玉). */
	private static final Set<Prefecture> NO_TRAVEL_COSTS = EnumSet.of(TOKYO, KANAGAWA, CHIBA, SAITAMA);

	private final String englishName;

	private final String japaneseName;

	Prefecture(String englishName, String japaneseName) {
		this.englishName = englishName;
		this.japaneseName = japaneseName;
	}

	@JsonValue
	public String englishName() {
		return this.englishName;
	}

	public String japaneseName() {
		return this.japaneseName;
	}

	/** Sites outside Tokyo, Kanagawa, Chiba and Saitama pay actual travel costs. */
	public boolean travelCostsCharged() {
		return !NO_TRAVEL_COSTS.contains(this);
	}

	public static Optional<Prefecture> find(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String trimmed = name.trim();
		return Arrays.stream(values())
			.filter(p -> p.englishName.equalsIgnoreCase(trimmed) || p.japaneseName.equals(trimmed)
					|| p.name().equalsIgnoreCase(trimmed))
			.findFirst();
	}

	@JsonCreator
	public static Prefecture fromJson(String name) {
		return find(name).orElseThrow(() -> new IllegalArgumentException(
				"unknown prefecture '" + name + "': use an English name such as Tokyo or Osaka"));
	}

}
