<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical TaxBill documents to one CEB816 (China customs electronic tax bill, 电子税单) message: the
  input is a c:TaxBill or a c:Batch of them, each becomes a ceb:Tax. A CEB816 needs the bill's three
  taxes (DUTY, VAT, CONSUMPTION in its TaxAssessment) and its goods lines with theirs, all in CNY; a
  TaxBill read from a status message (CEB818) has none and is refused here.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:tb="urn:wco-ecom-adapter:ceb-tax-bill"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../ceb-common/ceb-tax-bill.xsl"/>

  <!-- a new message id; the original message's id when not given -->
  <xsl:param name="message-guid" as="xs:string?"/>

  <xsl:template match="/">
    <xsl:variable name="bills" select="c:TaxBill | c:Batch/c:TaxBill"/>
    <xsl:if test="empty($bills) or exists(c:Batch/*[not(self::c:TaxBill)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB816 message carries canonical TaxBill documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$bills[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB816Message guid="{$guid}" version="{($first/c:MessageVersion[string()], '1.0')[1]}">
      <xsl:for-each select="$bills">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </ceb:CEB816Message>
  </xsl:template>

  <xsl:template match="c:TaxBill">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="taxes" select="c:TaxAssessment/c:Tax"/>
    <xsl:if test="empty(c:Line)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB816 tax bill needs its goods lines (Line)', .)"/>
    </xsl:if>
    <ceb:Tax>
      <ceb:TaxHeadRd>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:returnTime><xsl:value-of select="tb:return-time(.)"/></ceb:returnTime>
        <ceb:invtNo><xsl:value-of select="c:DeclarationReference/c:Reference[@type = 'INVENTORY_NUMBER'][1]"/></ceb:invtNo>
        <ceb:taxNo><xsl:value-of select="c:TaxBillNumber"/></ceb:taxNo>
        <ceb:customsTax><xsl:value-of select="tb:amount($taxes, 'customsTax', .)"/></ceb:customsTax>
        <ceb:valueAddedTax><xsl:value-of select="tb:amount($taxes, 'valueAddedTax', .)"/></ceb:valueAddedTax>
        <ceb:consumptionTax><xsl:value-of select="tb:amount($taxes, 'consumptionTax', .)"/></ceb:consumptionTax>
        <ceb:status><xsl:value-of select="tb:status-code(.)"/></ceb:status>
        <xsl:for-each select="c:PaymentNoticeNumber"><ceb:entDutyNo><xsl:value-of select="."/></ceb:entDutyNo></xsl:for-each>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
        <xsl:for-each select="tb:party-code(., 'GUARANTOR')"><ceb:assureCode><xsl:value-of select="."/></ceb:assureCode></xsl:for-each>
        <xsl:for-each select="tb:party-code(., 'SELLER')"><ceb:ebcCode><xsl:value-of select="."/></ceb:ebcCode></xsl:for-each>
        <xsl:for-each select="tb:party-code(., 'LOGISTICS_OPERATOR')"><ceb:logisticsCode><xsl:value-of select="."/></ceb:logisticsCode></xsl:for-each>
        <xsl:for-each select="tb:party-code(., 'DECLARANT')"><ceb:agentCode><xsl:value-of select="."/></ceb:agentCode></xsl:for-each>
        <xsl:for-each select="c:DeclarationOffice"><ceb:customsCode><xsl:value-of select="."/></ceb:customsCode></xsl:for-each>
      </ceb:TaxHeadRd>
      <xsl:apply-templates select="c:Line"/>
    </ceb:Tax>
  </xsl:template>

  <xsl:template match="c:Line">
    <xsl:variable name="gcode" select="c:Classification[@scheme = 'CN-CUSTOMS10'][1]"/>
    <ceb:TaxListRd>
      <ceb:gnum><xsl:value-of select="c:Sequence"/></ceb:gnum>
      <ceb:gcode><xsl:value-of select="if ($gcode) then $gcode
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB816 goods line needs a CN-CUSTOMS10 classification (gcode)', .)"/></ceb:gcode>
      <ceb:taxPrice><xsl:value-of select="if (c:CustomsValue/@currency = 'CNY') then c:CustomsValue
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB816 goods line needs its dutiable value in CNY (CustomsValue)', (c:CustomsValue, .)[1])"/></ceb:taxPrice>
      <ceb:customsTax><xsl:value-of select="tb:amount(c:Tax, 'customsTax', .)"/></ceb:customsTax>
      <ceb:valueAddedTax><xsl:value-of select="tb:amount(c:Tax, 'valueAddedTax', .)"/></ceb:valueAddedTax>
      <ceb:consumptionTax><xsl:value-of select="tb:amount(c:Tax, 'consumptionTax', .)"/></ceb:consumptionTax>
    </ceb:TaxListRd>
  </xsl:template>
</xsl:stylesheet>
