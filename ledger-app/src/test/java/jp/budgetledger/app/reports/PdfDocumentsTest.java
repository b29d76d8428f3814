package jp.budgetledger.app.reports;

import jp.budgetledger.core.document.BudgetTableLayout.Amount;
import jp.budgetledger.core.document.BudgetTableLayout.Kind;
import jp.budgetledger.core.document.BudgetTableLayout.Row;
import jp.budgetledger.core.document.BudgetTableLayout.Text;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PdfDocumentsTest {

    private static List<Row> table(int lines) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Kind.TITLE, List.of(new Text("第1表 歳入歳出予算"))));
        rows.add(new Row(Kind.NOTE, List.of(new Text("令和8年4月1日現在"))));
        rows.add(new Row(Kind.BLANK, List.of()));
        rows.add(new Row(Kind.SECTION, List.of(new Text("一般会計 歳入"))));
        rows.add(new Row(Kind.UNIT, List.of(new Text("(単位:千円)"))));
        rows.add(new Row(Kind.HEADER, List.of(new Text("款"), new Text("項"), new Text("金額"))));
        for (int i = 1; i <= lines; i++) {
            rows.add(new Row(Kind.LINE, List.of(new Text(i + " 市税 <&>"), new Text("市民税"), new Amount(i * 1_234_567L))));
        }
        rows.add(new Row(Kind.LINE, List.of(new Text("減額"), new Text("寄附金"), new Amount(-5_000))));
        rows.add(new Row(Kind.TOTAL, List.of(new Text("歳入合計"), new Text(""), new Amount(987_654_321L))));
        return rows;
    }

    private static String text(PDDocument document) throws Exception {
        return new PDFTextStripper().getText(document);
    }

    @Test
    void aTablePrintsItsJapaneseTextAndGroupedAmountsInTheBundledFont() throws Exception {
        byte[] pdf = PdfDocuments.pdf("第1表", table(3), 28, 28, 16);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text).contains("第1表 歳入歳出予算", "令和8年4月1日現在", "一般会計 歳入", "(単位:千円)", "1 市税 <&>", "市民税",
                    "1,234,567", "3,703,701", "△5,000", "歳入合計", "987,654,321", "1 / 1");
            Set<String> fonts = new HashSet<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(name -> name.contains("NotoSansJP"));
            assertThat(document.getPage(0).getMediaBox().getWidth()).isLessThan(document.getPage(0).getMediaBox().getHeight());
        }
    }

    @Test
    void aLongTableRunsOverPagesRepeatingItsHeaderAndNumberingThem() throws Exception {
        byte[] pdf = PdfDocuments.pdf("長い表", table(200), 28, 28, 16);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertThat(text).as("page " + page).contains("款", "項", "金額", page + " / " + pages);
            }
            assertThat(text(document)).contains("200 市税", "246,913,400");
        }
    }

    @Test
    void aWideDocumentIsPrintedLandscapeAndControlCharactersAndLoneSurrogatesAreLeftOut() throws Exception {
        List<Row> rows = new ArrayList<>(table(1));
        rows.add(new Row(Kind.NOTE, List.of(new Text("備考\u0000\uD800終"))));
        byte[] pdf = PdfDocuments.pdf("広い表", rows, 40, 40, 40);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isGreaterThan(document.getPage(0).getMediaBox().getHeight());
            assertThat(text(document)).contains("備考終");
        }
    }
}
