package org.yiwang.license.paper;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.yiwang.license.credential.CompactPayload;
import org.yiwang.license.license.Holder;
import org.yiwang.license.license.License;
import org.yiwang.license.license.LicenseStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The paper form of an e-licence (A4 PDF) for holders who want one: the licence's data and the QR code carrying
 * the whole signed credential, so the printout is verified by scanning, offline too, never by trusting the paper.
 * Chinese text needs a CJK font ({@code platform.license.pdf-font}, TTF or TTC); without one the PDF carries only
 * the Latin parts (number, dates) and the QR code.
 */
@Component
public class LicensePdf {

	private static final Map<String, String> DEPARTMENTS = Map.ofEntries(Map.entry("SCJG", "市场监督管理局"),
			Map.entry("WSJK", "卫生健康委员会"), Map.entry("XFJY", "消防救援支队"), Map.entry("STHJ", "生态环境局"),
			Map.entry("CSGL", "城市管理和综合执法局"), Map.entry("GA", "公安局"), Map.entry("RSJ", "人力资源和社会保障局"),
			Map.entry("YBJ", "医疗保障局"), Map.entry("ZJJ", "住房和建设局"), Map.entry("SWJ", "税务局"),
			Map.entry("ZWFW", "政务服务中心"));

	private static final Map<String, String> FIELD_LABELS = Map.of("businessScope", "经营项目", "premisesAddress",
			"经营场所", "seats", "座位数", "legalRepresentative", "法定代表人", "mainBusinessType", "主体业态");

	private static final Map<LicenseStatus, String> STATUS = Map.of(LicenseStatus.VALID, "有效", LicenseStatus.SUSPENDED,
			"暂扣", LicenseStatus.REVOKED, "已撤销/吊销", LicenseStatus.EXPIRED, "已过期");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final Path fontFile;

	LicensePdf(@Value("${platform.license.pdf-font:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}") Path fontFile) {
		this.fontFile = fontFile;
	}

	public byte[] render(License license) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDFont font = font(document);
			boolean cjk = font instanceof PDType0Font;
			float width = page.getMediaBox().getWidth();
			float top = page.getMediaBox().getHeight() - 72;
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				String title = cjk ? license.getTypeName() : license.getType();
				float titleWidth = font.getStringWidth(title) / 1000 * 22;
				text(content, font, 22, (width - titleWidth) / 2, top, title);
				List<String> lines = new ArrayList<>();
				lines.add((cjk ? "证照编号：" : "No. ") + license.getNumber());
				if (cjk) {
					lines.add("持证主体：" + license.getHolderName()
							+ (license.getHolderType() == Holder.Type.ENTERPRISE ? "（企业）" : "（个人）"));
					switch (license.getHolderIdType()) {
						case USCC -> lines.add("统一社会信用代码：" + license.getHolderIdentifierMasked());
						// the paper form shows the ID number masked; the full number is inside the signed QR code
						case ID_NUMBER -> lines.add("公民身份号码：" + license.getHolderIdentifierMasked());
						case PLATFORM_SUBJECT -> lines.add("身份核验：未绑定实名身份，仅以姓名和平台账号标识");
					}
					if (license.getAgentName() != null) {
						lines.add("经办人：" + license.getAgentName());
					}
					lines.add("发证机关：" + DEPARTMENTS.getOrDefault(license.getIssuingDepartment(),
							license.getIssuingDepartment()) + "（" + license.getIssuingDepartment() + "）");
					lines.add("发证日期：" + license.getIssuedAt().atZone(ZoneId.of("Asia/Shanghai")).format(DAY));
					lines.add("有效期限：" + license.getValidFrom().format(DAY) + " 至 "
							+ (license.getValidUntil() == null ? "长期" : license.getValidUntil().format(DAY)));
					license.getFields()
						.forEach((key, value) -> lines.addAll(wrap(FIELD_LABELS.getOrDefault(key, key) + "：" + value, 34)));
					lines.add("关联办件：" + license.getApplicationId());
					lines.add("打印时状态：" + STATUS.get(license.getStatus()));
				}
				else {
					lines.add("Holder " + license.getHolderType() + " " + license.getHolderIdentifierMasked());
					lines.add("Valid " + license.getValidFrom() + " - "
							+ (license.getValidUntil() == null ? "unlimited" : license.getValidUntil()));
					lines.add("Issuer " + license.getIssuingDepartment() + "  Status " + license.getStatus());
				}
				float y = top - 48;
				for (String line : lines) {
					text(content, font, 12, 72, y, line);
					y -= 22;
				}
				PDImageXObject qr = LosslessFactory.createFromImage(document,
						qr(CompactPayload.encode(license.getCredential())));
				float size = 220;
				content.drawImage(qr, width - 72 - size, 96, size, size);
				text(content, font, 10, width - 72 - size, 80, cjk ? "扫码核验（可离线核验）" : "Scan to verify (offline too)");
				if (cjk) {
					text(content, font, 9, 72, 56, "本件为电子证照的打印件，证照真伪与状态以扫码核验结果为准。");
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The QR code of a payload, black on white, 4 pixels a module. */
	static BufferedImage qr(String payload) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			int scale = 4;
			BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
					BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < image.getWidth(); x++) {
					image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
				}
			}
			return image;
		}
		catch (WriterException ex) {
			throw new IllegalStateException("licence too large for a QR code", ex);
		}
	}

	private PDFont font(PDDocument document) throws IOException {
		if (fontFile != null && Files.isReadable(fontFile)) {
			String name = fontFile.getFileName().toString().toLowerCase();
			if (name.endsWith(".ttc")) {
				TrueTypeFont[] first = new TrueTypeFont[1];
				TrueTypeCollection collection = new TrueTypeCollection(fontFile.toFile());
				collection.processAllFonts(ttf -> {
					if (first[0] == null) {
						first[0] = ttf;
					}
				});
				if (first[0] != null) {
					return PDType0Font.load(document, first[0], true);
				}
			}
			else {
				return PDType0Font.load(document, fontFile.toFile());
			}
		}
		return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
	}

	private static List<String> wrap(String text, int perLine) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < text.length(); i += perLine) {
			lines.add((i == 0 ? "" : "　　　　　") + text.substring(i, Math.min(text.length(), i + perLine)));
		}
		return lines;
	}

	private static void text(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
			throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, y);
		content.showText(text);
		content.endText();
	}

}
