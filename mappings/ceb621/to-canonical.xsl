<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB621 (China import inventory, 进口清单) to canonical Declaration documents, one per ceb:Inventory.
  The input has been validated against xsd/ceb/ceb621.xsd (signature included); the output is
  validated against the canonical schema. Strings are copied as they are (whitespace included);
  numbers keep their lexical form; codes are normalised through mappings/codelists; empty optional
  elements carry no value and are left out. The signature is not business content and is not read.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../common/adapter.xsl"/>

  <!-- the partner the message came from; the sender code (copCode) when not given -->
  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB621Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB621Message/ceb:Inventory"/>
  </xsl:template>

  <xsl:template match="ceb:Inventory">
    <xsl:variable name="h" select="ceb:InventoryHead"/>
    <xsl:variable name="currency" select="cebc:currency($h/ceb:currency)"/>
    <xsl:document>
      <c:Declaration>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$h/ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb621'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:Inventory) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TradeDirection sourceCode="{$h/ceb:ieFlag}">
          <xsl:value-of select="if ($h/ceb:ieFlag = 'I') then 'IMPORT'
              else error(xs:QName('err:VALUE_INVALID'), 'ieFlag &quot;' || $h/ceb:ieFlag || '&quot; must be I in an import inventory', $h/ceb:ieFlag)"/>
        </c:TradeDirection>
        <c:Procedure scheme="CN-SUPERVISION-MODE"><xsl:value-of select="$h/ceb:tradeMode"/></c:Procedure>
        <xsl:for-each select="$h/ceb:copNo[string()]"><c:LocalReference><xsl:value-of select="."/></c:LocalReference></xsl:for-each>
        <xsl:for-each select="$h/ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <xsl:for-each select="$h/ceb:invtNo[string()]"><c:CustomsReference type="INVENTORY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:OrderNumber><xsl:value-of select="$h/ceb:orderNo"/></c:OrderNumber>
        <c:TransportDocument type="HOUSE"><xsl:value-of select="$h/ceb:logisticsNo"/></c:TransportDocument>
        <xsl:for-each select="$h/ceb:billNo[string()]"><c:MasterDocument type="MASTER"><xsl:value-of select="."/></c:MasterDocument></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="$h/ceb:customsCode"/></c:DeclarationOffice>
        <c:EntryOffice><xsl:value-of select="$h/ceb:portCode"/></c:EntryOffice>
        <xsl:for-each select="$h/ceb:loctNo[string()]"><c:GoodsLocation><xsl:value-of select="."/></c:GoodsLocation></xsl:for-each>
        <c:DeclarationDate><xsl:value-of select="cebc:date($h/ceb:declTime)"/></c:DeclarationDate>
        <c:Party role="PLATFORM">
          <c:Name><xsl:value-of select="$h/ceb:ebpName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:ebpCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="SELLER">
          <c:Name><xsl:value-of select="$h/ceb:ebcName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:ebcCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="LOGISTICS_OPERATOR">
          <c:Name><xsl:value-of select="$h/ceb:logisticsName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:logisticsCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="BUYER">
          <c:Name><xsl:value-of select="$h/ceb:buyerName"/></c:Name>
          <c:Identifier scheme="{cebc:coded($cebc:id-schemes, $h/ceb:buyerIdType)}" sourceCode="{$h/ceb:buyerIdType}"><xsl:value-of select="$h/ceb:buyerIdNumber"/></c:Identifier>
          <c:TypeOfPerson>NATURAL</c:TypeOfPerson>
          <c:Communication type="TE"><xsl:value-of select="$h/ceb:buyerTelephone"/></c:Communication>
        </c:Party>
        <c:Party role="DECLARANT">
          <c:Name><xsl:value-of select="$h/ceb:agentName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:agentCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="GUARANTOR">
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:assureCode"/></c:Identifier>
        </c:Party>
        <xsl:if test="string($h/ceb:areaCode) or string($h/ceb:areaName)">
          <c:Party role="WAREHOUSE_KEEPER">
            <xsl:for-each select="$h/ceb:areaName[string()]"><c:Name><xsl:value-of select="."/></c:Name></xsl:for-each>
            <xsl:for-each select="$h/ceb:areaCode[string()]"><c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="."/></c:Identifier></xsl:for-each>
          </c:Party>
        </xsl:if>
        <c:DeliveryAddress>
          <c:Line><xsl:value-of select="$h/ceb:consigneeAddress"/></c:Line>
        </c:DeliveryAddress>
        <c:Transport>
          <c:Mode scheme="CN-TRANSPORT-MODE"><xsl:value-of select="$h/ceb:trafMode"/></c:Mode>
          <xsl:for-each select="$h/ceb:trafNo[string()]"><c:ConveyanceName><xsl:value-of select="."/></c:ConveyanceName></xsl:for-each>
          <xsl:for-each select="$h/ceb:voyageNo[string()]"><c:ConveyanceReference><xsl:value-of select="."/></c:ConveyanceReference></xsl:for-each>
          <c:DepartureCountry><xsl:value-of select="cl:iso-country($h/ceb:country, $h/ceb:country)"/></c:DepartureCountry>
          <xsl:for-each select="$h/ceb:ieDate[string()]"><c:ArrivalDate><xsl:value-of select="cebc:date(.)"/></c:ArrivalDate></xsl:for-each>
        </c:Transport>
        <xsl:for-each select="$h/ceb:licenseNo[string()]"><c:AdditionalDocument type="LICENCE"><xsl:value-of select="."/></c:AdditionalDocument></xsl:for-each>
        <xsl:for-each select="$h/ceb:emsNo[string()]"><c:AdditionalDocument type="ACCOUNT_BOOK"><xsl:value-of select="."/></c:AdditionalDocument></xsl:for-each>
        <c:Freight currency="{$currency}"><xsl:value-of select="normalize-space($h/ceb:freight)"/></c:Freight>
        <c:Insurance currency="{$currency}"><xsl:value-of select="normalize-space($h/ceb:insuredFee)"/></c:Insurance>
        <xsl:for-each select="$h/ceb:wrapType[string()]"><c:PackagingType scheme="CN-WRAP-TYPE"><xsl:value-of select="."/></c:PackagingType></xsl:for-each>
        <c:PackageCount><xsl:value-of select="normalize-space($h/ceb:packNo)"/></c:PackageCount>
        <c:GrossWeight><xsl:value-of select="normalize-space($h/ceb:grossWeight)"/></c:GrossWeight>
        <c:NetWeight><xsl:value-of select="normalize-space($h/ceb:netWeight)"/></c:NetWeight>
        <xsl:apply-templates select="ceb:InventoryList"/>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:Declaration>
    </xsl:document>
  </xsl:template>

  <xsl:template match="ceb:InventoryList">
    <xsl:variable name="currency" select="cebc:currency(ceb:currency)"/>
    <c:GoodsItem>
      <c:Sequence><xsl:value-of select="normalize-space(ceb:gnum)"/></c:Sequence>
      <xsl:for-each select="ceb:itemNo[string()]"><c:Sku><xsl:value-of select="."/></c:Sku></xsl:for-each>
      <xsl:for-each select="ceb:itemRecordNo[string()]"><c:RecordNumber><xsl:value-of select="."/></c:RecordNumber></xsl:for-each>
      <xsl:for-each select="ceb:itemName[string()]"><c:Title><xsl:value-of select="."/></c:Title></xsl:for-each>
      <c:Description><xsl:value-of select="ceb:gname"/></c:Description>
      <c:Model><xsl:value-of select="ceb:gmodel"/></c:Model>
      <xsl:for-each select="ceb:barCode[string()]"><c:Barcode><xsl:value-of select="."/></c:Barcode></xsl:for-each>
      <c:Classification scheme="CN-CUSTOMS10">
        <xsl:value-of select="if (matches(ceb:gcode, '^[0-9]{10}$')) then string(ceb:gcode)
            else error(xs:QName('err:VALUE_INVALID'), 'gcode &quot;' || ceb:gcode || '&quot; must be a commodity code of 10 digits', ceb:gcode)"/>
      </c:Classification>
      <c:Quantity unitCode="{cl:unece-unit(ceb:unit, ceb:unit)}" sourceUnitCode="{ceb:unit}"><xsl:value-of select="normalize-space(ceb:qty)"/></c:Quantity>
      <c:LegalQuantity unitCode="{cl:unece-unit(ceb:unit1, ceb:unit1)}" sourceUnitCode="{ceb:unit1}"><xsl:value-of select="normalize-space(ceb:qty1)"/></c:LegalQuantity>
      <xsl:choose>
        <xsl:when test="string(ceb:qty2) and string(ceb:unit2)">
          <c:LegalQuantity unitCode="{cl:unece-unit(ceb:unit2, ceb:unit2)}" sourceUnitCode="{ceb:unit2}"><xsl:value-of select="normalize-space(ceb:qty2)"/></c:LegalQuantity>
        </xsl:when>
        <xsl:when test="string(ceb:qty2) or string(ceb:unit2)">
          <xsl:variable name="given" select="(ceb:qty2, ceb:unit2)[string()][1]"/>
          <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'),
              'qty2 and unit2 (the second legal quantity) go together: ' || local-name($given) || ' &quot;' || $given || '&quot; is given without the other', $given)"/>
        </xsl:when>
      </xsl:choose>
      <c:UnitPrice currency="{$currency}"><xsl:value-of select="normalize-space(ceb:price)"/></c:UnitPrice>
      <c:Value currency="{$currency}"><xsl:value-of select="normalize-space(ceb:totalPrice)"/></c:Value>
      <c:OriginCountry><xsl:value-of select="cl:iso-country(ceb:country, ceb:country)"/></c:OriginCountry>
      <xsl:for-each select="ceb:tradeCountry[string()]"><c:TradeCountry><xsl:value-of select="cl:iso-country(., .)"/></c:TradeCountry></xsl:for-each>
      <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
    </c:GoodsItem>
  </xsl:template>
</xsl:stylesheet>
