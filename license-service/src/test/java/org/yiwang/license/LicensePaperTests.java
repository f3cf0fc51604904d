package org.yiwang.license;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.yiwang.license.credential.OfflineVerifier;
import org.yiwang.license.license.License;
import org.yiwang.shared.testing.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The printed licence: its QR code, scanned off the PDF, verifies offline. */
class LicensePaperTests extends LicenseTestSupport {

	@Test
	void pdfCarriesAQrCodeThatVerifiesOffline() throws Exception {
		License license = issue("holder-paper", "ZJJ", 2);
		String path = "/api/v1/licenses/" + license.getNumber() + "/pdf";
		mvc.perform(get(path).with(TestJwts.citizen("other"))).andExpect(status().isNotFound());
		mvc.perform(get(path)).andExpect(status().isUnauthorized());
		byte[] pdf = mvc.perform(get(path).with(TestJwts.citizen("holder-paper")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(license.getNumber());
			if (Files.isReadable(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"))) {
				assertThat(text).contains("食品经营许可证", "张三餐饮店（演示）", "住房和建设局", "热食类食品制售（演示数据）");
			}
			PDPage page = document.getPage(0);
			BufferedImage image = null;
			for (COSName name : page.getResources().getXObjectNames()) {
				if (page.getResources().getXObject(name) instanceof PDImageXObject xobject) {
					image = xobject.getImage();
				}
			}
			assertThat(image).isNotNull();
			int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			String scanned = new QRCodeReader()
				.decode(new BinaryBitmap(
						new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
						Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
				.getText();
			assertThat(scanned).startsWith("YW1:");

			String jwks = mvc.perform(get("/api/v1/licenses/jwks")).andReturn().getResponse().getContentAsString();
			String revocation = mvc.perform(get("/api/v1/licenses/status-lists/ZJJ/revocation")).andReturn()
				.getResponse()
				.getContentAsString();
			String suspension = mvc.perform(get("/api/v1/licenses/status-lists/ZJJ/suspension")).andReturn()
				.getResponse()
				.getContentAsString();
			Instant now = Instant.now();
			assertThat(OfflineVerifier.of(jwks, List.of(revocation, suspension), now).verify(scanned, now).valid())
				.isTrue();
		}
	}

}
