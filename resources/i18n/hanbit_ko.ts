<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CandidatesDialog</name>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="33"/>
        <source>hanja gloss</source>
        <translation>한자 병기</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="34"/>
        <source>in quotes</source>
        <translation>따옴표 안</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="35"/>
        <source>Latin script</source>
        <translation>로마자</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="36"/>
        <source>with its original</source>
        <translation>원어 병기</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="63"/>
        <source>Term candidates</source>
        <translation>용어 후보</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="72"/>
        <source>Found as</source>
        <translation>발견 형태</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="72"/>
        <source>Count</source>
        <translation>횟수</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="72"/>
        <source>First seen in</source>
        <translation>처음 나온 곳</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="89"/>
        <source>Looking for names the glossary does not have yet…</source>
        <translation>용어집에 아직 없는 이름을 찾는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="94"/>
        <source>Add as proposed</source>
        <translation>제안 상태로 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="95"/>
        <source>Add as approved</source>
        <translation>승인 상태로 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="96"/>
        <source>Dismiss</source>
        <translation>무시</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="102"/>
        <source>Only a terminologist may approve a term.</source>
        <translation>용어 담당자만 용어를 승인할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="126"/>
        <source>Could not look for candidates: {error}</source>
        <translation>후보를 찾을 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="141"/>
        <source>also: </source>
        <translation>기타: </translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="160"/>
        <source>1 candidate.</source>
        <translation>후보 1개.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="162"/>
        <source>{count} candidates.</source>
        <translation>후보 {count}개.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="167"/>
        <source>Complete the forms (double-click a cell), then add or dismiss.</source>
        <translation>형태를 채운 뒤(셀을 더블클릭) 추가하거나 무시하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/candidates_dialog.py" line="170"/>
        <source>No new names: the glossary already covers this document.</source>
        <translation>새 이름이 없습니다. 용어집이 이미 이 문서를 모두 다룹니다.</translation>
    </message>
</context>
<context>
    <name>ConceptEditor</name>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="70"/>
        <source>Edit concept</source>
        <translation>개념 편집</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="70"/>
        <source>Add concept</source>
        <translation>개념 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="73"/>
        <source>Forms (separate several with ;)</source>
        <translation>형태(여러 개는 ;로 구분)</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="77"/>
        <source>Preferred</source>
        <translation>우선 형태</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="78"/>
        <source>Variants</source>
        <translation>변형</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="79"/>
        <source>Never use</source>
        <translation>사용 금지</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="80"/>
        <location filename="../../desktop/glossary/concept_editor.py" line="109"/>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="107"/>
        <source>Domain</source>
        <translation>분야</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="108"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="144"/>
        <source>Only a terminologist may forbid a form or lift a ban: propose it in the note.</source>
        <translation>사용 금지 표기를 정하거나 해제하는 것은 용어 담당자만 할 수 있습니다. 메모에 제안해 주세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="149"/>
        <source>Only a terminologist may approve a concept.</source>
        <translation>용어 담당자만 개념을 승인할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="222"/>
        <source>Give at least one preferred form or variant.</source>
        <translation>우선 형태나 변형을 하나 이상 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/concept_editor.py" line="230"/>
        <source>Give a preferred form for every language the concept names: %s.</source>
        <translation>개념에 나오는 모든 언어에 우선 형태를 입력하십시오: %s.</translation>
    </message>
</context>
<context>
    <name>ConceptTableModel</name>
    <message>
        <location filename="../../desktop/glossary/model.py" line="27"/>
        <source>Domain</source>
        <translation>분야</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/model.py" line="28"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/model.py" line="29"/>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/model.py" line="31"/>
        <source>Simplified Chinese</source>
        <translation>중국어 간체</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/model.py" line="32"/>
        <source>Traditional Chinese</source>
        <translation>중국어 번체</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/model.py" line="166"/>
        <source>preferred</source>
        <translation>우선</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/model.py" line="167"/>
        <source>variant</source>
        <translation>변형</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/model.py" line="168"/>
        <source>never use</source>
        <translation>사용 금지</translation>
    </message>
</context>
<context>
    <name>ConcordanceDialog</name>
    <message>
        <location filename="../../desktop/memory/concordance.py" line="47"/>
        <source>Concordance</source>
        <translation>용례 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/concordance.py" line="52"/>
        <source>Word or phrase, in the source or the target</source>
        <translation>원문이나 번역문의 단어 또는 구절</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/concordance.py" line="55"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/concordance.py" line="61"/>
        <source>Memory source</source>
        <translation>메모리 원문</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/concordance.py" line="61"/>
        <source>Translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/concordance.py" line="84"/>
        <source>Type a word or phrase to look for.</source>
        <translation>찾을 단어나 구절을 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/concordance.py" line="87"/>
        <source>Searching…</source>
        <translation>검색 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/memory/concordance.py" line="110"/>
        <source>%n unit(s) found</source>
        <translation>
            <numerusform>%n건 찾음</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/memory/concordance.py" line="113"/>
        <source>Nothing in the translation memory contains “%s”.</source>
        <translation>번역 메모리에 “%s”이(가) 들어 있는 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/concordance.py" line="118"/>
        <source>Translation memory: %s</source>
        <translation>번역 메모리: %s</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../../desktop/packages/download.py" line="80"/>
        <source>Update packages</source>
        <translation>패키지 업데이트</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="80"/>
        <source>Download packages</source>
        <translation>패키지 다운로드</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="93"/>
        <location filename="../../desktop/packages/download.py" line="120"/>
        <source>Loading the package list…</source>
        <translation>패키지 목록을 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="97"/>
        <source>Download and install</source>
        <translation>다운로드 후 설치</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="100"/>
        <source>Cancel download</source>
        <translation>다운로드 취소</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="147"/>
        <source>Every installed package is up to date.</source>
        <translation>설치된 패키지가 모두 최신입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="149"/>
        <source>1 update available.</source>
        <translation>업데이트 1개가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="151"/>
        <source>{count} updates available.</source>
        <translation>업데이트 {count}개가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="153"/>
        <source>1 package available.</source>
        <translation>패키지 1개를 받을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="155"/>
        <source>{count} packages available.</source>
        <translation>패키지 {count}개를 받을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="161"/>
        <source>Could not load the package list. Check the internet connection, or install a .argosmodel file instead.</source>
        <translation>패키지 목록을 불러올 수 없습니다. 인터넷 연결을 확인하거나 .argosmodel 파일을 직접 설치하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="183"/>
        <source>Downloading {name}…</source>
        <translation>{name} 다운로드 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="190"/>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="197"/>
        <source>{done:.1f} of {total:.1f} MB</source>
        <translation>{total:.1f}MB 중 {done:.1f}MB</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="208"/>
        <source>Installed {name} {version}.</source>
        <translation>{name} {version}을(를) 설치했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="215"/>
        <source>Download failed: {error}</source>
        <translation>다운로드 실패: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/download.py" line="217"/>
        <source>Download cancelled; nothing was installed.</source>
        <translation>다운로드를 취소했습니다. 아무것도 설치하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <location filename="../../desktop/project/encoding_dialog.py" line="37"/>
        <source>Check the encoding of %s</source>
        <translation>%s의 인코딩 확인</translation>
    </message>
    <message>
        <location filename="../../desktop/project/encoding_dialog.py" line="55"/>
        <source>The text reads correctly</source>
        <translation>텍스트가 올바르게 보입니다</translation>
    </message>
    <message>
        <location filename="../../desktop/project/encoding_dialog.py" line="60"/>
        <source>Encoding:</source>
        <translation>인코딩:</translation>
    </message>
    <message>
        <location filename="../../desktop/project/encoding_dialog.py" line="64"/>
        <source>The beginning of the article:</source>
        <translation>기사의 첫 부분:</translation>
    </message>
    <message>
        <location filename="../../desktop/project/encoding_dialog.py" line="86"/>
        <source>The encoding was guessed as {encoding} (confidence {confidence:.0%}). If the text below looks garbled, choose another encoding.</source>
        <translation>인코딩을 {encoding}(으)로 추정했습니다(신뢰도 {confidence:.0%}). 아래 텍스트가 깨져 보이면 다른 인코딩을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/project/encoding_dialog.py" line="94"/>
        <source>Read as {encoding}, as you chose.</source>
        <translation>선택한 대로 {encoding}(으)로 읽었습니다.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="26"/>
        <source>Bilingual review table (Word)</source>
        <translation>검토용 대역표(Word)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="27"/>
        <source>Target text only (Word)</source>
        <translation>번역문만(Word)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="28"/>
        <source>XLIFF 1.2</source>
        <translation>XLIFF 1.2(번역 도구 교환용)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="29"/>
        <source>XLIFF 2.0</source>
        <translation>XLIFF 2.0(번역 도구 교환용)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="30"/>
        <source>TMX 1.4b (confirmed segments)</source>
        <translation>TMX 1.4b(확정된 세그먼트, 번역 메모리용)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="31"/>
        <source>Side-by-side web page</source>
        <translation>원문·번역문 대조 웹 페이지</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="32"/>
        <source>CSV table (UTF-8 with BOM)</source>
        <translation>CSV 표(UTF-8, BOM 포함)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="33"/>
        <source>Tab-separated table</source>
        <translation>탭으로 구분한 표</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="34"/>
        <source>Target text only (plain text)</source>
        <translation>번역문만(일반 텍스트)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="35"/>
        <source>Imported XLIFF/SDLXLIFF/MQXLIFF with the translations written back</source>
        <translation>가져온 XLIFF/SDLXLIFF/MQXLIFF 원본에 번역을 다시 써넣은 파일</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="42"/>
        <source>Translated web page (its own markup)</source>
        <translation>번역된 웹 페이지 (원본 마크업 유지)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="59"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="61"/>
        <source>Choose what to write:</source>
        <translation>내보낼 형식을 고르세요:</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="81"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="94"/>
        <source>Send it to a reviewer; File ▸ Import Review brings the edits back.</source>
        <translation>검토자에게 보내세요. 검토가 끝나면 파일 ▸ 검토 가져오기로 수정 사항을 다시 가져옵니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="95"/>
        <source>Only translated and reviewed segments go into a memory.</source>
        <translation>번역 완료 또는 검토 완료된 세그먼트만 메모리에 들어갑니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="99"/>
        <source>Glossary terms are marked.</source>
        <translation>용어집 용어가 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="133"/>
        <source>Export as %s</source>
        <translation>%s(으)로 내보내기</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="186"/>
        <source>Exporting to %s…</source>
        <translation>%s(으)로 내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="193"/>
        <source>Exported {done} of {count} segments (the confirmed ones) to {file}</source>
        <translation>세그먼트 {count}개 중 확정된 {done}개를 {file}(으)로 내보냈습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="195"/>
        <source>Exported {count} segments to {file}; {untranslated} not translated yet</source>
        <translation>세그먼트 {count}개를 {file}(으)로 내보냈습니다. {untranslated}개는 아직 번역되지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="197"/>
        <source>Exported {count} segments to {file}</source>
        <translation>세그먼트 {count}개를 {file}(으)로 내보냈습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/project/export_dialog.py" line="213"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
</context>
<context>
    <name>ExtractionPreview</name>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="47"/>
        <source>title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="48"/>
        <source>article text</source>
        <translation>기사 본문</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="49"/>
        <source>whole text (no article was detected)</source>
        <translation>전체 텍스트 (기사를 찾지 못함)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="52"/>
        <source>page furniture (menus, links, lists around the article)</source>
        <translation>페이지 구성 요소 (메뉴, 링크, 기사 주변 목록)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="55"/>
        <source>after the end of the article</source>
        <translation>기사 끝 이후</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="58"/>
        <source>repeats the title</source>
        <translation>제목 반복</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="59"/>
        <source>copyright line</source>
        <translation>저작권 문구</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="60"/>
        <source>byline</source>
        <translation>바이라인</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="61"/>
        <source>date line</source>
        <translation>날짜 줄</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="62"/>
        <source>photo credit</source>
        <translation>사진 출처</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="63"/>
        <source>related articles</source>
        <translation>관련 기사</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="64"/>
        <source>joined to the line before (a paragraph wrapped over lines)</source>
        <translation>앞 줄에 이어 붙임 (여러 줄로 나뉜 단락)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="86"/>
        <source>New project from %1</source>
        <translation>%1에서 새 프로젝트</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="88"/>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="95"/>
        <source>Keep</source>
        <translation>포함</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="95"/>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="95"/>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="106"/>
        <source>Keep Everything</source>
        <translation>모두 포함</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="107"/>
        <source>Translate the whole text, page furniture included</source>
        <translation>페이지 메뉴 등까지 포함해 전체 텍스트를 번역합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="112"/>
        <source>Make Project</source>
        <translation>프로젝트 만들기</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="117"/>
        <source>Languages:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="145"/>
        <source>detected: %1 (%2)</source>
        <translation>감지됨: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="151"/>
        <source>The article of %1: ticked blocks become the source text.</source>
        <translation>%1의 기사: 체크한 블록이 원문이 됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="154"/>
        <source>No article was found in %1: the whole text is offered. Untick what is not to be translated.</source>
        <translation>%1에서 기사를 찾지 못해 전체 텍스트를 제시합니다. 번역하지 않을 부분은 체크를 해제하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="158"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="158"/>
        <source>Byline</source>
        <translation>바이라인</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="159"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="159"/>
        <source>Site</source>
        <translation>사이트</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="160"/>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="161"/>
        <source>Photo credits</source>
        <translation>사진 출처</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="174"/>
        <source>%1: every paragraph, with where it comes from.</source>
        <translation>%1: 모든 단락과 각 단락의 위치.</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="218"/>
        <source>Cannot make a project: %1</source>
        <translation>프로젝트를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="255"/>
        <source>%1 of %2 blocks kept · %3 segments</source>
        <translation>블록 %2개 중 %1개 포함 · 세그먼트 %3개</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="57"/>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="58"/>
        <source>Replace with (targets only)</source>
        <translation>바꿀 내용(번역문만)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="59"/>
        <source>Source</source>
        <translation>원문</translation>
    </message>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="60"/>
        <source>Target</source>
        <translation>번역문</translation>
    </message>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="61"/>
        <source>Match case</source>
        <translation>대소문자 구분</translation>
    </message>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="63"/>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="64"/>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="65"/>
        <source>Replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="66"/>
        <source>Replace all</source>
        <translation>모두 바꾸기</translation>
    </message>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="126"/>
        <location filename="../../desktop/window/find_bar.py" line="165"/>
        <source>not found</source>
        <translation>찾을 수 없음</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/window/find_bar.py" line="133"/>
        <location filename="../../desktop/window/find_bar.py" line="163"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n건 일치</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/window/find_bar.py" line="145"/>
        <source>This project is open read-only: nothing was replaced.</source>
        <translation>이 프로젝트는 읽기 전용으로 열려 있어 아무것도 바꾸지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/window/find_bar.py" line="174"/>
        <source>Replaced in %n segment(s)</source>
        <translation>
            <numerusform>세그먼트 %n개에서 바꿨습니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GlossaryFeature</name>
    <message>
        <location filename="../../desktop/glossary/feature.py" line="33"/>
        <location filename="../../desktop/glossary/feature.py" line="102"/>
        <source>Glossary</source>
        <translation>용어집</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/feature.py" line="50"/>
        <source>&amp;Glossary</source>
        <translation>용어집(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/feature.py" line="55"/>
        <source>&amp;Glossary Manager…</source>
        <translation>용어집 관리자(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/feature.py" line="63"/>
        <source>&amp;Add Term from Selection…</source>
        <translation>선택 영역에서 용어 추가(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/feature.py" line="71"/>
        <source>Term &amp;Candidates…</source>
        <translation>용어 후보(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/feature.py" line="103"/>
        <source>The glossary could not be opened.</source>
        <translation>용어집을 열 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>GlossaryManager</name>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="34"/>
        <source>Delete 1 concept</source>
        <translation>개념 1개 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="36"/>
        <source>Delete {count} concepts</source>
        <translation>개념 {count}개 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="70"/>
        <source>Glossary</source>
        <translation>용어집</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="79"/>
        <source>Search forms, notes and domains…</source>
        <translation>형태, 메모, 분야 검색…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="102"/>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="103"/>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="104"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="105"/>
        <location filename="../../desktop/glossary/manager.py" line="129"/>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="106"/>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="107"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="129"/>
        <source>Undo {action}</source>
        <translation>실행 취소: {action}</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="239"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="242"/>
        <source>{count:,} concepts exported</source>
        <translation>개념 {count:,}개를 내보냈습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="252"/>
        <source>1 concept</source>
        <translation>개념 1개</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/manager.py" line="254"/>
        <source>{count:,} concepts</source>
        <translation>개념 {count:,}개</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <location filename="../../desktop/glossary/panel.py" line="45"/>
        <source>Source</source>
        <translation>원문</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/panel.py" line="45"/>
        <source>Target</source>
        <translation>번역문</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/panel.py" line="45"/>
        <source>Never use</source>
        <translation>사용 금지</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/panel.py" line="45"/>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/panel.py" line="51"/>
        <source>Click a term, or press Ctrl+1…Ctrl+9, to insert its target form</source>
        <translation>용어를 클릭하거나 Ctrl+1…Ctrl+9를 눌러 대상어 형태를 삽입합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/panel.py" line="63"/>
        <source>No glossary terms in this segment.</source>
        <translation>이 세그먼트에는 용어집 용어가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/panel.py" line="137"/>
        <source>Never use in the translation</source>
        <translation>번역에 절대 사용하지 마세요</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/panel.py" line="141"/>
        <source>No {language} form in the glossary</source>
        <translation>용어집에 {language} 형태가 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/panel.py" line="160"/>
        <source>Insert “{form}”</source>
        <translation>“{form}” 삽입</translation>
    </message>
</context>
<context>
    <name>GridMenus</name>
    <message>
        <location filename="../../desktop/grid/grid_menu.py" line="72"/>
        <source>Add Term…</source>
        <translation>용어 추가…</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/grid_menu.py" line="75"/>
        <source>Search Memory for “%s”</source>
        <translation>번역 메모리에서 “%s” 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/grid_menu.py" line="77"/>
        <source>Search Memory…</source>
        <translation>번역 메모리 검색…</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/grid_menu.py" line="104"/>
        <source>Copy Source</source>
        <translation>원문 복사</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/grid_menu.py" line="108"/>
        <source>Copy Target</source>
        <translation>번역문 복사</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/grid_menu.py" line="112"/>
        <source>Select Text in the Source</source>
        <translation>원문에서 텍스트 선택</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/feature.py" line="27"/>
        <source>&amp;Concordance…</source>
        <translation>용례 검색(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="35"/>
        <source>Rejected</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="36"/>
        <source>To check</source>
        <translation>확인 필요</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="37"/>
        <source>New</source>
        <translation>새 항목</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="38"/>
        <source>Changed</source>
        <translation>변경됨</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="39"/>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="64"/>
        <source>Import {name}</source>
        <translation>{name} 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="89"/>
        <source>The terms read correctly</source>
        <translation>용어가 바르게 보입니다</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="95"/>
        <source>Line / concept</source>
        <translation>줄 / 개념</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="95"/>
        <source>Details</source>
        <translation>세부 내용</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="102"/>
        <source>Skip the rejected lines and import the rest</source>
        <translation>거부된 줄은 건너뛰고 나머지 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="106"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="145"/>
        <source>Reading {name}…</source>
        <translation>{name} 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="170"/>
        <source>{name} cannot be imported.</source>
        <translation>{name}은(는) 가져올 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="203"/>
        <source>The encoding of this file was guessed ({encoding}, {percent}% sure): a short file says little about its encoding. Check that the terms below read correctly, or pick another encoding.</source>
        <translation>이 파일의 인코딩은 추정한 것입니다({encoding}, 확신도 {percent}%). 짧은 파일로는 인코딩을 알기 어렵습니다. 아래 용어가 바르게 보이는지 확인하거나 다른 인코딩을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="227"/>
        <source>Each entry under “To check” is imported as its choice says; change a choice to import it otherwise.</source>
        <translation>“확인 필요” 아래 항목은 선택한 대로 가져옵니다. 다르게 가져오려면 선택을 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="232"/>
        <source>Nothing is imported while lines are rejected: fix them in the file and import again, or skip them.</source>
        <translation>거부된 줄이 있으면 아무것도 가져오지 않습니다. 파일에서 고친 뒤 다시 가져오거나, 거부된 줄을 건너뛰세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="238"/>
        <source>Import 1 concept</source>
        <translation>개념 1개 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="240"/>
        <source>Import {count} concepts</source>
        <translation>개념 {count}개 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="243"/>
        <source>line {line}</source>
        <translation>{line}번째 줄</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="305"/>
        <source>concept #{id}</source>
        <translation>개념 #{id}</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="336"/>
        <source>Import a glossary</source>
        <translation>용어집 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="344"/>
        <source>Cannot import</source>
        <translation>가져올 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/import_dialog.py" line="357"/>
        <source>Export the glossary</source>
        <translation>용어집 내보내기</translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <location filename="../../desktop/language_names.py" line="12"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../desktop/language_names.py" line="13"/>
        <source>Chinese (Simplified)</source>
        <translation>중국어(간체)</translation>
    </message>
    <message>
        <location filename="../../desktop/language_names.py" line="14"/>
        <source>Chinese (Traditional)</source>
        <translation>중국어(번체)</translation>
    </message>
    <message>
        <location filename="../../desktop/language_names.py" line="15"/>
        <source>English</source>
        <translation>영어</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/window/main_window.py" line="137"/>
        <source>Font of the segments</source>
        <translation>세그먼트 글꼴</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="222"/>
        <source>This segment cannot be edited</source>
        <translation>이 세그먼트는 편집할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="235"/>
        <source>Opened read-only: %s.</source>
        <translation>읽기 전용으로 열었습니다: %s.</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="270"/>
        <source>Cannot open project</source>
        <translation>프로젝트를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="293"/>
        <source>Cannot save the project</source>
        <translation>프로젝트를 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="296"/>
        <source>Saved as %s</source>
        <translation>%s(으)로 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="317"/>
        <source>The glossary could not be loaded: %s</source>
        <translation>용어집을 불러올 수 없습니다: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="380"/>
        <source>no MT package</source>
        <translation>기계 번역 패키지 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="458"/>
        <source>Every segment is confirmed.</source>
        <translation>모든 세그먼트가 확정되었습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="485"/>
        <source>Source-language text in the target</source>
        <translation>번역문에 남은 원문 언어</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="486"/>
        <source>%s.

Confirm this target anyway?</source>
        <translation>%s.

그래도 이 번역문을 확정하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="510"/>
        <source>Nothing to undo in this segment.</source>
        <translation>이 세그먼트에는 실행 취소할 변경이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="515"/>
        <source>Nothing to redo in this segment.</source>
        <translation>이 세그먼트에는 다시 실행할 변경이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="542"/>
        <source>Cannot change segments</source>
        <translation>세그먼트를 변경할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="561"/>
        <source>Every segment already has a target.</source>
        <translation>모든 세그먼트에 이미 번역문이 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="579"/>
        <source>No MT package for this language pair.</source>
        <translation>이 언어 쌍의 기계 번역 패키지가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="603"/>
        <source>Translation stopped: %s</source>
        <translation>번역이 중단되었습니다: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="605"/>
        <source>Translation cancelled.</source>
        <translation>번역을 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="615"/>
        <source>The edit is not saved yet</source>
        <translation>수정 내용이 아직 저장되지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="618"/>
        <source>The text stays in its cell and is saved as soon as possible.</source>
        <translation>입력한 내용은 칸에 그대로 남아 있으며 가능해지는 즉시 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/window/main_window.py" line="627"/>
        <source>Edits not saved</source>
        <translation>저장되지 않은 수정</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/window/main_window.py" line="629"/>
        <source>%n typed target(s) could not be saved. Close and lose them?</source>
        <translation>
            <numerusform>입력한 번역문 %n개를 저장하지 못했습니다. 닫고 버릴까요?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="60"/>
        <source>&amp;New Project from File…</source>
        <translation>파일에서 새 프로젝트(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="68"/>
        <source>New Project from &amp;XLIFF…</source>
        <translation>XLIFF에서 새 프로젝트(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="76"/>
        <source>&amp;Open Project…</source>
        <translation>프로젝트 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="84"/>
        <source>Save Project &amp;As…</source>
        <translation>다른 이름으로 프로젝트 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="92"/>
        <source>S&amp;tart Screen…</source>
        <translation>시작 화면(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="96"/>
        <source>Open &amp;Recent</source>
        <translation>최근 프로젝트 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="102"/>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="110"/>
        <source>Import &amp;Review (DOCX)…</source>
        <translation>검토 가져오기(DOCX)(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="119"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="304"/>
        <source>&amp;Manage Packages…</source>
        <translation>패키지 관리(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="129"/>
        <source>&amp;Undo Segment Change</source>
        <translation>세그먼트 변경 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="55"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="124"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="137"/>
        <source>&amp;Redo Segment Change</source>
        <translation>세그먼트 변경 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="146"/>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="154"/>
        <source>R&amp;eplace in Targets…</source>
        <translation>번역문에서 바꾸기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="161"/>
        <source>Typing on a Row &amp;Replaces Its Target</source>
        <translation>행에서 입력하면 번역문 바꾸기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="173"/>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>단축키(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="178"/>
        <source>&amp;Segment</source>
        <translation>세그먼트(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="183"/>
        <source>&amp;Confirm and Go to Next Unconfirmed</source>
        <translation>확정 후 다음 미확정 세그먼트로(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="191"/>
        <source>&amp;Previous Segment</source>
        <translation>이전 세그먼트(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="199"/>
        <source>&amp;Next Segment</source>
        <translation>다음 세그먼트(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="208"/>
        <source>Copy &amp;MT into Target</source>
        <translation>기계 번역을 번역문에 복사(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="216"/>
        <source>Copy &amp;Source into Target</source>
        <translation>원문을 번역문에 복사(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="225"/>
        <source>Sp&amp;lit Segment…</source>
        <translation>세그먼트 나누기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="233"/>
        <source>&amp;Join with Next Segment</source>
        <translation>다음 세그먼트와 합치기(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="238"/>
        <source>&amp;Translate</source>
        <translation>번역(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="243"/>
        <source>Translate &amp;All Empty Segments</source>
        <translation>빈 세그먼트 모두 번역(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="252"/>
        <source>&amp;Retranslate Selected Segments</source>
        <translation>선택한 세그먼트 다시 번역(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="260"/>
        <source>Retranslate Segments with Changed &amp;Terms</source>
        <translation>용어가 바뀐 세그먼트 다시 번역(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="268"/>
        <source>Retranslate All &amp;Unconfirmed Segments</source>
        <translation>미확정 세그먼트 모두 다시 번역(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="277"/>
        <source>&amp;Cancel Translation</source>
        <translation>번역 취소(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="283"/>
        <source>&amp;Packages</source>
        <translation>패키지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="288"/>
        <source>&amp;Install from File…</source>
        <translation>파일에서 설치(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="296"/>
        <source>&amp;Download…</source>
        <translation>다운로드(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="309"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="314"/>
        <source>Segment &amp;Font…</source>
        <translation>세그먼트 글꼴(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="319"/>
        <source>&amp;Panels</source>
        <translation>패널(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="324"/>
        <source>Main</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location filename="../../desktop/window/menus.py" line="332"/>
        <source>All segments</source>
        <translation>모든 세그먼트</translation>
    </message>
    <message>
        <location filename="../../desktop/window/ui_language.py" line="26"/>
        <source>Interface &amp;Language</source>
        <translation>인터페이스 언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/ui_language.py" line="32"/>
        <source>System Language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <location filename="../../desktop/window/ui_language.py" line="44"/>
        <source>The interface language changes when Hanbit Desk starts again.</source>
        <translation>인터페이스 언어는 한빛 데스크를 다시 시작하면 바뀝니다.</translation>
    </message>
</context>
<context>
    <name>MemoryFeature</name>
    <message>
        <location filename="../../desktop/memory/feature.py" line="21"/>
        <source>Translation Memory</source>
        <translation>번역 메모리</translation>
    </message>
</context>
<context>
    <name>NeverFlagDialog</name>
    <message>
        <location filename="../../desktop/qa/panel.py" line="430"/>
        <location filename="../../desktop/qa/panel.py" line="471"/>
        <source>Never flag</source>
        <translation>표시 안 함</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="435"/>
        <source>QA never reports these again, in any project. Remove an entry to have it checked again.</source>
        <translation>QA는 어느 프로젝트에서도 이 항목을 다시 보고하지 않습니다. 다시 검사하려면 항목을 제거하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="441"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../desktop/window/notice.py" line="12"/>
        <source>No {source} → {target} translation package is installed: install a .argosmodel file, or download one in the package manager when online. Meanwhile you can translate by hand.</source>
        <translation>{source} → {target} 번역 패키지가 설치되어 있지 않습니다. .argosmodel 파일을 설치하거나, 온라인일 때 패키지 관리자에서 다운로드하세요. 그동안에는 직접 번역할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/window/notice.py" line="38"/>
        <source>Install package file…</source>
        <translation>패키지 파일 설치…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/notice.py" line="40"/>
        <source>Package manager…</source>
        <translation>패키지 관리자…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/notice.py" line="45"/>
        <source>Hide this message</source>
        <translation>이 메시지 숨기기</translation>
    </message>
</context>
<context>
    <name>PackageManager</name>
    <message>
        <location filename="../../desktop/packages/manager.py" line="95"/>
        <source>Language packages</source>
        <translation>언어 패키지</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="106"/>
        <source>Pair</source>
        <translation>언어 쌍</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="106"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="106"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="106"/>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="123"/>
        <source>Install from file…</source>
        <translation>파일에서 설치…</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="124"/>
        <source>Download…</source>
        <translation>다운로드…</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="125"/>
        <source>Update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="126"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="138"/>
        <source>Look for newer versions of the installed packages</source>
        <translation>설치된 패키지의 새 버전을 찾습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="142"/>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="145"/>
        <source>1 is fastest; 2–4 gives slightly better translations</source>
        <translation>1이 가장 빠르고, 2–4는 번역이 조금 더 좋습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="152"/>
        <source>Translation engine</source>
        <translation>번역 엔진</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="155"/>
        <source>CPU threads</source>
        <translation>CPU 스레드</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="156"/>
        <source>Beam size</source>
        <translation>빔 크기</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="157"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="170"/>
        <source>Folder: {folder}</source>
        <translation>폴더: {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="172"/>
        <source>Change &amp;Folder…</source>
        <translation>폴더 변경(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="210"/>
        <source>{pair} (pivot through English)</source>
        <translation>{pair} (영어 중계)</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="214"/>
        <source>Translated in two steps with the two packages above</source>
        <translation>위의 두 패키지로 두 단계에 걸쳐 번역합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="238"/>
        <source>Install a language package</source>
        <translation>언어 패키지 설치</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="240"/>
        <source>Argos Translate packages</source>
        <translation>Argos Translate 패키지</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="247"/>
        <source>Installing {name}…</source>
        <translation>{name} 설치 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="251"/>
        <source>Could not install</source>
        <translation>설치할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="259"/>
        <location filename="../../desktop/packages/manager.py" line="315"/>
        <source>Installed {pair} {version}.</source>
        <translation>{pair} {version}을(를) 설치했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="270"/>
        <source>Remove {label} ({version})?</source>
        <translation>{label} ({version})을(를) 제거할까요?</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="273"/>
        <source>Remove package</source>
        <translation>패키지 제거</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="279"/>
        <source>Could not remove {label}: {error}</source>
        <translation>{label}을(를) 제거할 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="284"/>
        <source>Removed {label}.</source>
        <translation>{label}을(를) 제거했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="346"/>
        <source>Folder of the translation packages</source>
        <translation>번역 패키지 폴더</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="353"/>
        <source>{folder} is not a folder.</source>
        <translation>{folder}은(는) 폴더가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/packages/manager.py" line="358"/>
        <source>Hanbit Desk uses {folder} from its next start.</source>
        <translation>다음 시작부터 {folder} 폴더를 사용합니다.</translation>
    </message>
</context>
<context>
    <name>PairChange</name>
    <message>
        <location filename="../../desktop/translate/pair_change.py" line="33"/>
        <source>No {pair} translation package is installed. Open the package manager?</source>
        <translation>{pair} 번역 패키지가 설치되어 있지 않습니다. 패키지 관리자를 열까요?</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/pair_change.py" line="38"/>
        <source>No translation package</source>
        <translation>번역 패키지 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/pair_change.py" line="54"/>
        <source>{count} segment(s) are confirmed in the current target language, so this project keeps it. Save a copy for {pair} (its targets start empty)?</source>
        <translation>현재 도착 언어로 확정된 세그먼트가 {count}개 있어 이 프로젝트의 언어는 유지됩니다. {pair}용 사본을 저장할까요? (사본의 번역문은 비어 있는 상태로 시작합니다)</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/pair_change.py" line="60"/>
        <source>Change the target language</source>
        <translation>도착 언어 변경</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/pair_change.py" line="72"/>
        <source>Cannot change the target language</source>
        <translation>도착 언어를 변경할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <location filename="../../desktop/translate/pair_selector.py" line="143"/>
        <source>Languages of the new project</source>
        <translation>새 프로젝트의 언어</translation>
    </message>
</context>
<context>
    <name>PairSelector</name>
    <message>
        <location filename="../../desktop/translate/pair_selector.py" line="33"/>
        <source>{pair} via {hops}</source>
        <translation>{pair} ({hops} 경유)</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/pair_selector.py" line="51"/>
        <source>Pair:</source>
        <translation>언어 쌍:</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/pair_selector.py" line="70"/>
        <location filename="../../desktop/translate/pair_selector.py" line="96"/>
        <source>(no package)</source>
        <translation>(패키지 없음)</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/pair_selector.py" line="102"/>
        <source>Another target language: drafts are cleared; confirmed work asks for a copy.</source>
        <translation>다른 도착 언어를 고르면 초안은 지워지고, 확정된 번역이 있으면 사본 저장을 묻습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/pair_selector.py" line="107"/>
        <source>no package</source>
        <translation>패키지 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/pair_selector.py" line="110"/>
        <source>pivot</source>
        <translation>중계 번역</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/pair_selector.py" line="110"/>
        <source>direct</source>
        <translation>직접</translation>
    </message>
</context>
<context>
    <name>ProjectDialogs</name>
    <message>
        <location filename="../../desktop/project/dialogs.py" line="40"/>
        <source>Open project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <location filename="../../desktop/project/dialogs.py" line="42"/>
        <location filename="../../desktop/project/dialogs.py" line="147"/>
        <source>Hanbit projects</source>
        <translation>한빛 프로젝트</translation>
    </message>
    <message>
        <location filename="../../desktop/project/dialogs.py" line="52"/>
        <source>New project from file</source>
        <translation>파일에서 새 프로젝트</translation>
    </message>
    <message>
        <location filename="../../desktop/project/dialogs.py" line="53"/>
        <source>Articles</source>
        <translation>기사</translation>
    </message>
    <message>
        <location filename="../../desktop/project/dialogs.py" line="75"/>
        <location filename="../../desktop/project/dialogs.py" line="125"/>
        <source>Cannot make a project</source>
        <translation>프로젝트를 만들 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/project/dialogs.py" line="103"/>
        <source>New project from XLIFF</source>
        <translation>XLIFF에서 새 프로젝트</translation>
    </message>
    <message>
        <location filename="../../desktop/project/dialogs.py" line="104"/>
        <source>XLIFF files</source>
        <translation>XLIFF 파일</translation>
    </message>
    <message>
        <location filename="../../desktop/project/dialogs.py" line="132"/>
        <source>{name}: {how}</source>
        <translation>{name}: {how}</translation>
    </message>
    <message>
        <location filename="../../desktop/project/dialogs.py" line="145"/>
        <source>Save project as</source>
        <translation>다른 이름으로 프로젝트 저장</translation>
    </message>
</context>
<context>
    <name>QAFeature</name>
    <message>
        <location filename="../../desktop/qa/feature.py" line="30"/>
        <source>QA</source>
        <translation>QA</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/feature.py" line="47"/>
        <source>Check &amp;Document (QA)</source>
        <translation>문서 검사(QA)(&amp;D)</translation>
    </message>
</context>
<context>
    <name>QAFilter</name>
    <message>
        <location filename="../../desktop/qa/filter.py" line="23"/>
        <source>Only Segments with QA &amp;Issues</source>
        <translation>QA 문제가 있는 세그먼트만(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/filter.py" line="29"/>
        <source>Show only the segments the QA check found issues in</source>
        <translation>QA 검사에서 문제가 발견된 세그먼트만 표시</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/filter.py" line="42"/>
        <source>No segment has an open QA issue.</source>
        <translation>해결되지 않은 QA 문제가 있는 세그먼트가 없습니다.</translation>
    </message>
</context>
<context>
    <name>QAIssueModel</name>
    <message>
        <location filename="../../desktop/qa/panel.py" line="55"/>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="56"/>
        <source>Check</source>
        <translation>검사 항목</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="57"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
</context>
<context>
    <name>QAPanel</name>
    <message>
        <location filename="../../desktop/qa/panel.py" line="66"/>
        <source>Critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="67"/>
        <source>Functional</source>
        <translation>기능</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="68"/>
        <source>Cosmetic</source>
        <translation>경미</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="69"/>
        <source>Info</source>
        <translation>참고</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="219"/>
        <source>All severities</source>
        <translation>모든 심각도</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="226"/>
        <source>Check document</source>
        <translation>문서 검사</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="228"/>
        <location filename="../../desktop/qa/panel.py" line="236"/>
        <source>Mark as false alarm</source>
        <translation>오탐으로 표시</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="230"/>
        <source>Hide this issue for good, in this project and every other one</source>
        <translation>이 문제를 이 프로젝트와 다른 모든 프로젝트에서 더는 표시하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="233"/>
        <source>Show false alarms again</source>
        <translation>오탐 다시 표시</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="238"/>
        <source>Never-flag list…</source>
        <translation>표시 안 함 목록…</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="241"/>
        <source>Empty targets</source>
        <translation>빈 번역문</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="244"/>
        <source>Also list segments whose target is still empty</source>
        <translation>번역문이 아직 비어 있는 세그먼트도 표시</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="316"/>
        <source>Checking…</source>
        <translation>검사 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="383"/>
        <source>1 issue</source>
        <translation>문제 1건</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="383"/>
        <source>{count} issues</source>
        <translation>문제 {count}건</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="386"/>
        <source>1 false alarm hidden</source>
        <translation>오탐 1건 숨김</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="388"/>
        <source>{count} false alarms hidden</source>
        <translation>오탐 {count}건 숨김</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="390"/>
        <source>{count} empty</source>
        <translation>빈 번역문 {count}건</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="492"/>
        <source>Critical QA issue</source>
        <translation>치명적 QA 문제</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="494"/>
        <source>This target has a critical QA issue:</source>
        <translation>이 번역문에 치명적 QA 문제가 있습니다:</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="496"/>
        <source>Confirm it anyway?</source>
        <translation>그래도 확정할까요?</translation>
    </message>
    <message>
        <location filename="../../desktop/qa/panel.py" line="500"/>
        <source>Do not ask again</source>
        <translation>다시 묻지 않기</translation>
    </message>
</context>
<context>
    <name>Retranslate</name>
    <message>
        <location filename="../../desktop/translate/retranslate.py" line="91"/>
        <source>%n confirmed segment(s)</source>
        <translation>확정된 세그먼트 %n개</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/retranslate.py" line="97"/>
        <source>%n draft(s) you edited</source>
        <translation>직접 고친 초안 %n개</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/retranslate.py" line="103"/>
        <source>Retranslate</source>
        <translation>다시 번역</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/retranslate.py" line="104"/>
        <source>Among the segments to retranslate: %s.

Replace their targets with the new MT too? (No: they keep their targets; only their stored MT is renewed.)</source>
        <translation>다시 번역할 세그먼트 중에 %s이(가) 있습니다.

이 번역문도 새 기계 번역으로 바꾸시겠습니까? (아니요: 번역문은 그대로 두고 저장된 기계 번역만 새로 만듭니다.)</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/retranslate.py" line="128"/>
        <source>A translation is already running.</source>
        <translation>이미 번역이 진행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/retranslate.py" line="135"/>
        <source>The glossary is not loaded yet.</source>
        <translation>용어집을 아직 불러오지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/retranslate.py" line="146"/>
        <source>No segment is selected.</source>
        <translation>선택한 세그먼트가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/retranslate.py" line="147"/>
        <source>No segment uses a term that changed since its MT.</source>
        <translation>기계 번역 이후 바뀐 용어를 쓰는 세그먼트가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/translate/retranslate.py" line="150"/>
        <source>Every segment is confirmed: nothing to retranslate.</source>
        <translation>모든 세그먼트가 확정되어 다시 번역할 것이 없습니다.</translation>
    </message>
</context>
<context>
    <name>ReviewChanges</name>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="193"/>
        <source>Changed by the review {file}: {count} segments (click one to go to it)</source>
        <translation>검토 파일 {file}(으)로 바뀐 세그먼트 {count}개 (클릭하면 해당 세그먼트로 이동)</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="45"/>
        <source>Target → {status}</source>
        <translation>번역문 → {status}</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="50"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="55"/>
        <source>Comment</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="94"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="95"/>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="96"/>
        <source>Before</source>
        <translation>이전</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="97"/>
        <source>After</source>
        <translation>이후</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="110"/>
        <source>Import Review — %s</source>
        <translation>검토 가져오기 — %s</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="119"/>
        <source>The review table in {file} was damaged ({count} problems). Nothing will be applied; correct the file or export a new review.</source>
        <translation>{file}의 검토 표가 손상되었습니다(문제 {count}건). 아무것도 적용하지 않습니다. 파일을 고치거나 검토 파일을 새로 내보내세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="124"/>
        <source>Row</source>
        <translation>행</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="124"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="139"/>
        <source>{file} changes {segments} segments: targets {targets}, comments {comments}, statuses {statuses}.</source>
        <translation>{file}(으)로 세그먼트 {segments}개가 바뀝니다: 번역문 {targets}개, 메모 {comments}개, 상태 {statuses}개.</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="153"/>
        <source>&amp;Apply Review</source>
        <translation>검토 적용(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="158"/>
        <source>The project is open read-only: the review cannot be applied.</source>
        <translation>프로젝트가 읽기 전용으로 열려 있어 검토를 적용할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="160"/>
        <source>The review changes nothing.</source>
        <translation>검토로 바뀌는 내용이 없습니다.</translation>
    </message>
</context>
<context>
    <name>ReviewImport</name>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="238"/>
        <source>Import a reviewed table</source>
        <translation>검토한 대역표 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="240"/>
        <source>Bilingual review table (Word)</source>
        <translation>검토용 대역표(Word)</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="253"/>
        <source>Wait for Translate all to finish, or cancel it, before importing a review.</source>
        <translation>검토를 가져오기 전에 '빈 세그먼트 모두 번역'이 끝나기를 기다리거나 취소하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="261"/>
        <source>Checking the review %s…</source>
        <translation>검토 파일 %s 확인 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="280"/>
        <source>Cannot read the review</source>
        <translation>검토 파일을 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="292"/>
        <source>Review not applied</source>
        <translation>검토를 적용하지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="299"/>
        <source>Review applied: {count} segments changed</source>
        <translation>검토 적용: 세그먼트 {count}개가 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/project/review_dialog.py" line="314"/>
        <source>Changed by Review</source>
        <translation>검토로 바뀐 세그먼트</translation>
    </message>
</context>
<context>
    <name>SegmentModel</name>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="26"/>
        <source>Source</source>
        <translation>원문</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="27"/>
        <source>Target</source>
        <translation>번역문</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="28"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="38"/>
        <source>new</source>
        <translation>신규</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="39"/>
        <source>draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="46"/>
        <source>draft · MT</source>
        <translation>초안 · 기계 번역</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="47"/>
        <source>draft · memory {score}%</source>
        <translation>초안 · 메모리 {score}%</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="48"/>
        <source>draft · typed</source>
        <translation>초안 · 직접 입력</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="49"/>
        <source>draft · review</source>
        <translation>초안 · 검토</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="50"/>
        <location filename="../../desktop/grid/segment_model.py" line="51"/>
        <source>draft · imported</source>
        <translation>초안 · 가져옴</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="193"/>
        <source>not saved</source>
        <translation>저장 안 됨</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="40"/>
        <source>translated</source>
        <translation>번역 완료</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/segment_model.py" line="41"/>
        <source>reviewed</source>
        <translation>검토 완료</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/window/shortcuts.py" line="39"/>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../desktop/window/shortcuts.py" line="42"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location filename="../../desktop/window/shortcuts.py" line="42"/>
        <source>Shortcut</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../desktop/window/shortcuts.py" line="67"/>
        <source>Reset to Defaults</source>
        <translation>기본값으로 되돌리기</translation>
    </message>
    <message>
        <location filename="../../desktop/window/shortcuts.py" line="101"/>
        <source>{keys} is already used by: {actions}. Choose another key.</source>
        <translation>{keys}은(는) 이미 다음 동작에 쓰이고 있습니다: {actions}. 다른 키를 고르세요.</translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <location filename="../../desktop/grid/spelling.py" line="16"/>
        <source>From the Project's Language</source>
        <translation>프로젝트 언어에 따름</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/spelling.py" line="17"/>
        <source>English (United States)</source>
        <translation>영어(미국)</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/spelling.py" line="18"/>
        <source>English (United Kingdom)</source>
        <translation>영어(영국)</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/spelling.py" line="19"/>
        <source>Off</source>
        <translation>끄기</translation>
    </message>
</context>
<context>
    <name>SpellingSupport</name>
    <message>
        <location filename="../../desktop/grid/spelling.py" line="68"/>
        <source>&amp;Spelling</source>
        <translation>맞춤법(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/spelling.py" line="165"/>
        <source>(no suggestion)</source>
        <translation>(제안 없음)</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/spelling.py" line="168"/>
        <source>Add “%s” to the Dictionary</source>
        <translation>“%s”을(를) 사전에 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/spelling.py" line="190"/>
        <source>“%s” added to the dictionary.</source>
        <translation>“%s”을(를) 사전에 추가했습니다.</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../desktop/grid/split_dialog.py" line="11"/>
        <source>Split segment</source>
        <translation>세그먼트 나누기</translation>
    </message>
    <message>
        <location filename="../../desktop/grid/split_dialog.py" line="32"/>
        <source>Place the cursor where the segment should be split:</source>
        <translation>세그먼트를 나눌 위치에 커서를 두세요:</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../desktop/window/start_screen.py" line="47"/>
        <source>Hanbit Desk — Start</source>
        <translation>한빛 데스크 — 시작</translation>
    </message>
    <message>
        <location filename="../../desktop/window/start_screen.py" line="58"/>
        <source>{path} (missing or unreadable)</source>
        <translation>{path} (없거나 읽을 수 없음)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/start_screen.py" line="64"/>
        <source>No recent projects yet.</source>
        <translation>최근 프로젝트가 아직 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/window/start_screen.py" line="66"/>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/window/start_screen.py" line="68"/>
        <source>&amp;New Project from File…</source>
        <translation>파일에서 새 프로젝트(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/start_screen.py" line="69"/>
        <source>Open &amp;Other Project…</source>
        <translation>다른 프로젝트 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/window/start_screen.py" line="70"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../desktop/window/start_screen.py" line="80"/>
        <source>Recent projects</source>
        <translation>최근 프로젝트</translation>
    </message>
</context>
<context>
    <name>StatusDelegate</name>
    <message>
        <location filename="../../desktop/grid/segment_view.py" line="298"/>
        <source>term</source>
        <translation>용어</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message>
        <location filename="../../desktop/window/status_summary.py" line="17"/>
        <source>{done:,}/{total:,} translated</source>
        <translation>{done:,}/{total:,} 번역 완료</translation>
    </message>
    <message>
        <location filename="../../desktop/window/status_summary.py" line="23"/>
        <source>{count:,} reviewed</source>
        <translation>검토 완료 {count:,}</translation>
    </message>
    <message>
        <location filename="../../desktop/window/status_summary.py" line="28"/>
        <source>{count:,} draft</source>
        <translation>초안 {count:,}</translation>
    </message>
    <message>
        <location filename="../../desktop/window/status_summary.py" line="33"/>
        <source>{count:,} new</source>
        <translation>신규 {count:,}</translation>
    </message>
    <message>
        <location filename="../../desktop/window/status_summary.py" line="40"/>
        <source>{done:,}/{total:,} words done</source>
        <translation>단어 {done:,}/{total:,} 완료</translation>
    </message>
    <message>
        <location filename="../../desktop/window/status_summary.py" line="59"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../desktop/window/status_summary.py" line="80"/>
        <source>· 1 QA issue</source>
        <translation>· QA 문제 1건</translation>
    </message>
    <message>
        <location filename="../../desktop/window/status_summary.py" line="82"/>
        <source>· {count:,} QA issues</source>
        <translation>· QA 문제 {count:,}건</translation>
    </message>
</context>
<context>
    <name>TMPanel</name>
    <message>
        <location filename="../../desktop/memory/panel.py" line="195"/>
        <source>Memory source</source>
        <translation>메모리 원문</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/panel.py" line="195"/>
        <source>Translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/panel.py" line="195"/>
        <source>Origin</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/panel.py" line="212"/>
        <source>Fill empty targets with 100% matches</source>
        <translation>빈 번역문을 100% 일치로 채우기</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/panel.py" line="235"/>
        <location filename="../../desktop/memory/panel.py" line="246"/>
        <source>No segment selected.</source>
        <translation>선택된 세그먼트가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/panel.py" line="248"/>
        <source>Looking up…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/panel.py" line="284"/>
        <location filename="../../desktop/memory/panel.py" line="293"/>
        <location filename="../../desktop/memory/panel.py" line="318"/>
        <location filename="../../desktop/memory/panel.py" line="397"/>
        <source>Translation memory: {error}</source>
        <translation>번역 메모리: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/panel.py" line="368"/>
        <source>Ctrl+Shift+{n} or double-click inserts this translation</source>
        <translation>Ctrl+Shift+{n} 또는 더블클릭으로 이 번역을 삽입합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/panel.py" line="388"/>
        <source>1 match</source>
        <translation>일치 1건</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/panel.py" line="388"/>
        <source>{count} matches</source>
        <translation>일치 {count}건</translation>
    </message>
    <message>
        <location filename="../../desktop/memory/panel.py" line="391"/>
        <source>No match in the translation memory.</source>
        <translation>번역 메모리에 일치하는 항목이 없습니다.</translation>
    </message>
</context>
<context>
    <name>TeamServersDialog</name>
    <message>
        <location filename="../../desktop/team/sync.py" line="71"/>
        <source>Team Servers</source>
        <translation>팀 서버</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="76"/>
        <source>Termbase (postgresql://…)</source>
        <translation>용어베이스(postgresql://…)</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="77"/>
        <source>Translation memory (postgresql://…)</source>
        <translation>번역 메모리(postgresql://…)</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="78"/>
        <source>LibreTranslate server (http://…)</source>
        <translation>LibreTranslate 서버(http://…)</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="79"/>
        <source>LibreTranslate API key</source>
        <translation>LibreTranslate API 키</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="83"/>
        <source>empty: this computer's own</source>
        <translation>비워 두면 이 컴퓨터의 것을 사용</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="90"/>
        <source>Leave the password out of the URLs: put it in ~/.pgpass (see docs/team.md). The servers are used from the next start of the desk.</source>
        <translation>URL에 비밀번호를 넣지 말고 ~/.pgpass에 두십시오(docs/team.md 참고). 서버 설정은 데스크를 다시 시작할 때부터 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="112"/>
        <source>{value} is not a postgresql:// URL; nothing was saved.</source>
        <translation>{value}은(는) postgresql:// URL이 아닙니다. 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="121"/>
        <source>{value} is not an http:// URL; nothing was saved.</source>
        <translation>{value}은(는) http:// URL이 아닙니다. 아무것도 저장하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message>
        <location filename="../../desktop/team/sync.py" line="178"/>
        <source>&amp;Team</source>
        <translation>팀(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="182"/>
        <source>Team &amp;Servers…</source>
        <translation>팀 서버(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="190"/>
        <source>&amp;Waiting Edits…</source>
        <translation>대기 중인 수정(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="208"/>
        <source>MT server: {notice}</source>
        <translation>MT 서버: {notice}</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="225"/>
        <source>Glossary: {term} saved on the server for the team</source>
        <translation>용어집: {term}이(가) 팀 서버에 저장되었습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="229"/>
        <source>added</source>
        <translation>추가했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="229"/>
        <source>deleted</source>
        <translation>삭제했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="230"/>
        <source>changed</source>
        <translation>변경했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="231"/>
        <source>Glossary: {who} {verb} {term}</source>
        <translation>용어집: {who} 님이 {term}을(를) {verb}</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="278"/>
        <source>{count} waiting edits were saved on the server</source>
        <translation>대기 중이던 수정 {count}건이 서버에 저장되었습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="285"/>
        <source>Not saved on the server</source>
        <translation>서버에 저장되지 않음</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="286"/>
        <source>These edits were refused when the server came back:
{lines}</source>
        <translation>서버가 다시 연결되었을 때 다음 수정이 거부되었습니다:
{lines}</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="298"/>
        <source>Nothing is waiting.</source>
        <translation>대기 중인 수정이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="299"/>
        <source>Waiting Edits</source>
        <translation>대기 중인 수정</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="307"/>
        <source>Team: online</source>
        <translation>팀: 연결됨</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="308"/>
        <source>Team: server away</source>
        <translation>팀: 서버 연결 끊김</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="309"/>
        <source>Team: connecting</source>
        <translation>팀: 연결 중</translation>
    </message>
    <message>
        <location filename="../../desktop/team/sync.py" line="312"/>
        <source>{count} waiting</source>
        <translation>{count}건 대기 중</translation>
    </message>
</context>
<context>
    <name>TermLookup</name>
    <message>
        <location filename="../../desktop/glossary/term_lookup.py" line="177"/>
        <source>(also {forms})</source>
        <translation>(그 밖에 {forms})</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/term_lookup.py" line="181"/>
        <source>no {language} form in the glossary</source>
        <translation>용어집에 {language} 형태 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/glossary/term_lookup.py" line="186"/>
        <source>never:</source>
        <translation>사용 금지:</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../desktop/project/extraction_preview.py" line="296"/>
        <source>Cannot make a project</source>
        <translation>프로젝트를 만들 수 없습니다</translation>
    </message>
</context>
</TS>