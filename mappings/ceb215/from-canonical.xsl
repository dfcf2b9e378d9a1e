<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical GoodsReturn documents (stage TALLY, direction EXPORT), or a c:Batch of them, to one
  CEB215 (China export return tally detail, 理货明细单) message. The envelope (BaseTransfer,
  BaseSubscribe, ExtendMessage) comes from the first document's Source. A request (a CEB213 or
  CEB625) or an import return is refused, as is a tally without the waybill the goods came back under
  (TransportDocument) or a transport mode; ieFlag is I (the goods come in).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <xsl:param name="message-guid" as="xs:string?"/>
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <xsl:template match="/">
    <xsl:variable name="tallies" select="c:GoodsReturn | c:Batch/c:GoodsReturn"/>
    <xsl:if test="empty($tallies) or exists(c:Batch/*[not(self::c:GoodsReturn)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB215 message carries canonical GoodsReturn documents only', *)"/>
    </xsl:if>
    <xsl:if test="count($tallies) gt 100">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB215 message carries at most 100 tallies', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$tallies[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB215Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$tallies">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="cebc:transmission">
        <xsl:with-param name="source" select="$first"/>
        <xsl:with-param name="cop-code" select="$transfer-cop-code"/>
        <xsl:with-param name="cop-name" select="$transfer-cop-name"/>
        <xsl:with-param name="dxp-id" select="$transfer-dxp-id"/>
        <xsl:with-param name="dxp-mode" select="$transfer-dxp-mode"/>
      </xsl:call-template>
    </ceb:CEB215Message>
  </xsl:template>

  <xsl:template match="c:GoodsReturn">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="transport" select="c:Transport"/>
    <xsl:variable name="mode" select="$transport/c:Mode[@scheme = 'CN-TRANSPORT-MODE'][1]"/>
    <xsl:sequence select="cebc:export-only(., 'CEB215')"/>
    <xsl:if test="c:Stage != 'TALLY'">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB215 is the tally of goods received back (stage TALLY), not a ' || c:Stage, c:Stage)"/>
    </xsl:if>
    <ceb:InvtRefundDetail>
      <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
      <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
      <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
      <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
      <ceb:customsCode><xsl:value-of select="c:DeclarationOffice"/></ceb:customsCode>
      <ceb:operatorCode><xsl:value-of select="cebc:code(cebc:party(., 'WAREHOUSE_KEEPER'))"/></ceb:operatorCode>
      <ceb:operatorName><xsl:value-of select="cebc:party(., 'WAREHOUSE_KEEPER')/c:Name"/></ceb:operatorName>
      <ceb:logisticsCode><xsl:value-of select="cebc:code(cebc:party(., 'LOGISTICS_OPERATOR'))"/></ceb:logisticsCode>
      <ceb:logisticsName><xsl:value-of select="cebc:party(., 'LOGISTICS_OPERATOR')/c:Name"/></ceb:logisticsName>
      <ceb:logisticsNo><xsl:value-of select="if (c:TransportDocument) then c:TransportDocument
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB215 tally names the waybill the goods came back under (TransportDocument: logisticsNo)', .)"/></ceb:logisticsNo>
      <xsl:for-each select="c:DeclarationReference/c:Reference[@type = 'INVENTORY_NUMBER'][string()][1]"><ceb:invtNo><xsl:value-of select="."/></ceb:invtNo></xsl:for-each>
      <ceb:coElNo><xsl:value-of select="c:LocalReference"/></ceb:coElNo>
      <xsl:for-each select="c:CustomsReference[@type = 'PRE_ENTRY_NUMBER'][string()][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
      <ceb:billNo><xsl:value-of select="c:MasterDocument"/></ceb:billNo>
      <ceb:ieFlag>I</ceb:ieFlag>
      <ceb:trafMode><xsl:value-of select="if ($mode) then $mode
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB215 tally needs a CN-TRANSPORT-MODE transport mode (trafMode)', ($transport, .)[1])"/></ceb:trafMode>
      <ceb:trafName><xsl:value-of select="$transport/c:ConveyanceName"/></ceb:trafName>
      <ceb:voyageNo><xsl:value-of select="$transport/c:ConveyanceReference"/></ceb:voyageNo>
      <xsl:for-each select="c:StorageLocation"><ceb:location><xsl:value-of select="."/></ceb:location></xsl:for-each>
      <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:InvtRefundDetail>
  </xsl:template>
</xsl:stylesheet>
